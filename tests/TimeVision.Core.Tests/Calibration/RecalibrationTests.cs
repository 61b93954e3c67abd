using System.Text.RegularExpressions;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.Calibration;

/// <summary>The timer's recalibration: it trains once enough documents have been labelled since the current calibration, and not before.</summary>
public sealed partial class RecalibrationTests : FakeOpenAITestBase
{
    private const string Doubling = "doubling-model";
    private readonly Dictionary<string, double> _trueByDrawing = new(StringComparer.Ordinal);
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;
    private readonly Random _random = new(17);
    private int _stored;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = request =>
        {
            var drawing = DrawingNumber().Match(request.UserText).Value;
            var total = Math.Round(_trueByDrawing[drawing] * 2, 2);
            return new FakeReply.Content(SampleEstimates.Shaft(total, [total]).ToJsonString());
        };
        _services = CoreServices.Create(
        [
            ("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), ("Vision:Model", Doubling),
            ("Calibration:RecalibrateAfterLabels", "20"), ("Calibration:ValidationPercent", "20"), .. ServerSettings,
        ]);
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact(Timeout = 480_000)]
    public async Task The_timer_calibrates_the_active_model_after_the_set_number_of_new_labels_and_not_before()
    {
        var recalibration = _services.Get<Recalibration>();
        await LabelAsync(19);

        var early = await recalibration.RunIfDueAsync(Token);

        Assert.Equal((Doubling, 19), (early.Model, early.NewLabels));
        Assert.Null(early.Calibration);
        Assert.Null(await _services.Get<CalibrationStore>().CurrentAsync(Doubling, Token));
        Assert.Empty(Server.Requests);

        await LabelAsync(1);
        var first = await recalibration.RunIfDueAsync(Token);

        Assert.Equal(20, first.NewLabels);
        Assert.NotNull(first.Calibration);
        Assert.Equal(20, first.Calibration.LabelledDocuments);
        Assert.InRange(first.Calibration.OverallFactor, 0.49, 0.51);
        Assert.Equal(first.Calibration.Version, (await _services.Get<CalibrationStore>().CurrentAsync(Doubling, Token))!.Version);
        Assert.Null(early.Engine);
        Assert.Equal(first.Engine?.Version, (await _services.Get<CalibrationStore>().CurrentEngineAsync(Token))?.Version); // the engine's factors with it
        Assert.NotNull(first.Engine);

        // Counting starts again from that calibration: 19 more labels are not enough, the 20th is.
        await LabelAsync(19);
        var notYet = await recalibration.RunIfDueAsync(Token);
        await LabelAsync(1);
        var second = await recalibration.RunIfDueAsync(Token);

        Assert.Equal((19, (CalibrationArtefact?)null), (notYet.NewLabels, notYet.Calibration));
        Assert.NotNull(second.Calibration);
        Assert.Equal(40, second.Calibration.LabelledDocuments);
        Assert.NotEqual(first.Calibration.Version, second.Calibration.Version);
        Assert.Equal(second.Calibration.Version, (await _services.Get<CalibrationStore>().CurrentAsync(Doubling, Token))!.Version);
    }

    [Fact]
    public async Task Zero_turns_the_timers_recalibration_off()
    {
        using var services = CoreServices.Create(
            [("Storage:DataDirectory", Path.Combine(Folder.Path, "off")), ("Vision:Model", Doubling), ("Calibration:RecalibrateAfterLabels", "0"), .. ServerSettings]);

        var outcome = await services.Get<Recalibration>().RunIfDueAsync(Token);

        Assert.Null(outcome.Calibration);
        Assert.Contains("Calibration:RecalibrateAfterLabels is 0", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    private async Task LabelAsync(int count)
    {
        var image = await RenderedPages.OdriMotorShaftAsStoredAsync();
        for (var i = 0; i < count; i++, _stored++)
        {
            var part = GeneratedHistory.Draw(_random, _stored);
            _trueByDrawing[part.DrawingNumber] = part.TrueMinutes;
            await GeneratedHistory.StoreAsync(_services, GeneratedHistory.IdOf($"recalibration-{_stored}"), part, Token, pageImage: image);
        }
    }

    [GeneratedRegex("GEN-[0-9]{4}")]
    private static partial Regex DrawingNumber();
}
