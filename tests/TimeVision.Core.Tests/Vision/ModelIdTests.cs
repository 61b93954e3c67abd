using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Tests.Vision;

/// <summary>A model id is parsed in one place, says what it names, and travels as the same JSON string as before.</summary>
public sealed class ModelIdTests
{
    [Theory]
    [InlineData("gpt-4.1", ModelKind.Deployment)]
    [InlineData("ft:gpt-4o-2024-08-06:shop::abc123", ModelKind.Deployment)]
    [InlineData("my-azure-deployment", ModelKind.Deployment)]
    [InlineData("offline", ModelKind.Offline)]
    [InlineData("history", ModelKind.History)]
    [InlineData("engine", ModelKind.Engine)]
    [InlineData("calibrated:engine", ModelKind.Calibrated)]
    [InlineData("calibrated:gpt-4.1", ModelKind.Calibrated)]
    [InlineData("calibrated:offline", ModelKind.Calibrated)]
    public void Parse_names_the_kind_and_keeps_the_text(string text, ModelKind kind)
    {
        var id = ModelId.Parse($"  {text} ");

        Assert.Equal((kind, text, text), (id.Kind, id.Value, id.ToString()));
    }

    [Fact]
    public void A_calibrated_id_knows_its_base_and_needs_the_endpoint_only_when_its_base_does()
    {
        var model = ModelId.Parse("calibrated:ft:gpt-4o-2024-08-06:shop::abc123");
        var offline = ModelId.Parse("calibrated:offline");

        Assert.Equal(ModelId.Parse("ft:gpt-4o-2024-08-06:shop::abc123"), model.CalibrationOf);
        Assert.True(model.CalibrationOf!.IsFineTuned);
        Assert.Equal(model, ModelId.CalibratedFrom(model.CalibrationOf));
        Assert.Equal((true, false), (model.NeedsEndpoint, offline.NeedsEndpoint));
        Assert.Same(ModelId.Offline, offline.CalibrationOf);
    }

    [Fact]
    public void The_engine_and_its_calibration_run_here_with_no_endpoint()
    {
        var calibrated = ModelId.Parse("calibrated:engine");

        Assert.Same(ModelId.Engine, calibrated.CalibrationOf);
        Assert.Equal((true, false, "engine"), (ModelId.Engine.IsLocal, ModelId.Engine.NeedsEndpoint, ModelId.Engine.ProviderTag));
        Assert.False(calibrated.NeedsEndpoint);
    }

    [Fact]
    public void The_estimators_that_run_here_are_local_and_need_no_endpoint()
    {
        Assert.Equal((true, false, "offline"), (ModelId.Offline.IsLocal, ModelId.Offline.NeedsEndpoint, ModelId.Offline.ProviderTag));
        Assert.Equal((true, false, "history"), (ModelId.History.IsLocal, ModelId.History.NeedsEndpoint, ModelId.History.ProviderTag));
        Assert.Equal((false, true, "openai"), (ModelId.Default.IsLocal, ModelId.Default.NeedsEndpoint, ModelId.Default.ProviderTag));
        Assert.Equal("openai_ft", ModelId.Parse("ft:gpt-4o-2024-08-06:shop::abc123").ProviderTag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gpt 4.1")]
    [InlineData("../../x")]
    [InlineData("calibrated:")]
    [InlineData("calibrated:calibrated:gpt-4.1")]
    public void What_is_not_a_model_id_is_refused_with_the_reason(string? text)
    {
        Assert.False(ModelId.TryParse(text, out var id, out var problem));
        Assert.Null(id);
        Assert.Equal(problem, ModelId.Problem(text));
        Assert.Equal(problem, Assert.Throws<FormatException>(() => ModelId.Parse(text)).Message);
    }

    [Fact]
    public void An_id_of_201_characters_breaks_the_shared_rule()
    {
        Assert.Equal(ModelIds.Problem(new string('a', 201)), ModelId.Problem(new string('a', 201)));
        Assert.Null(ModelId.Problem(new string('a', 200)));
    }

    [Fact]
    public void The_durable_input_serializes_the_model_as_the_same_string_as_before_and_reads_back_equal()
    {
        var request = new EstimateDocumentRequest(
            new string('a', 64), BlobReference.Drawing(new string('a', 64)), "a.pdf", DocumentSource.Http, ModelId.Parse("calibrated:gpt-4.1"),
            4, 3, TimeSpan.FromSeconds(5), Force: false, ShadowModel: ModelId.Parse("o4-mini"));

        var json = JsonSerializer.Serialize(request);
        var web = JsonSerializer.SerializeToElement(request, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<EstimateDocumentRequest>(json)!;

        Assert.Contains("\"Model\":\"calibrated:gpt-4.1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ShadowModel\":\"o4-mini\"", json, StringComparison.Ordinal);
        Assert.Equal("calibrated:gpt-4.1", web.GetProperty("model").GetString());
        Assert.Equal((request.Model, request.ShadowModel), (back.Model, back.ShadowModel));
        Assert.Equal(ModelKind.Calibrated, back.Model.Kind);
    }

    [Fact]
    public void A_stored_run_from_before_the_typed_id_reads_with_its_model_and_no_shadow()
    {
        const string stored = """{"DocumentId":"x","Pdf":{"Container":"drawings","Name":"x.pdf"},"FileName":"a.pdf","Source":"cli","Model":"offline","MaxPagesInFlight":4,"ActivityAttempts":3,"ActivityFirstRetry":"00:00:05","Force":false,"ShadowModel":null,"RetryPages":[2]}""";

        var request = JsonSerializer.Deserialize<EstimateDocumentRequest>(stored)!;

        Assert.Same(ModelId.Offline, request.Model);
        Assert.Null(request.ShadowModel);
    }

    [Theory]
    [InlineData("\"gpt 4.1\"")]
    [InlineData("42")]
    public void A_model_in_json_that_is_not_a_model_id_is_a_json_error(string model)
    {
        const string Shape = """{"Page":1,"Model":MODEL,"PromptHash":"h","Status":"completed"}""";

        var valid = JsonSerializer.Deserialize<PageResultReference>(Shape.Replace("MODEL", "\"gpt-4.1\"", StringComparison.Ordinal))!;

        Assert.Equal("gpt-4.1", valid.Model.Value);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PageResultReference>(Shape.Replace("MODEL", model, StringComparison.Ordinal)));
    }
}
