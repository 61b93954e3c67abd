using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.ModelOps.Retirement;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Retirement;

/// <summary>Retirement dates: the provider's <c>shutdown_date</c> first, then the model's setting, then the shipped defaults.</summary>
public sealed class ModelRetirementTests : FakeOpenAITestBase
{
    private static readonly DateTimeOffset Today = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Today);

    [Fact]
    public async Task The_providers_shutdown_date_wins_and_is_asked_once_a_day()
    {
        Server.Models["gpt-4o-2024-08-06"] = "2027-01-14";
        using var services = Services(("Vision:Models:gpt-4o-2024-08-06:RetiresOn", "2027-03-01"));
        var retirement = services.Get<ModelRetirement>();

        var first = await retirement.GetAsync("gpt-4o-2024-08-06", Token);
        _time.Advance(TimeSpan.FromHours(23));
        var cached = await retirement.GetAsync("gpt-4o-2024-08-06", Token);
        _time.Advance(TimeSpan.FromHours(2));
        var asked = await retirement.GetAsync("gpt-4o-2024-08-06", Token);

        Assert.Equal(new RetirementInfo(new DateOnly(2027, 1, 14), RetirementSource.Provider, 46), first);
        Assert.True(first.IsNear);
        Assert.Equal(45, cached.DaysLeft);
        Assert.Equal(RetirementSource.Provider, asked.Source);
        Assert.Equal(2, Server.ModelLookups);
    }

    [Fact]
    public async Task Without_a_date_from_the_provider_the_models_setting_decides()
    {
        Server.Models["qwen3-vl"] = null; // the field is there, with no date
        using var services = Services(("Vision:Models:qwen3-vl:RetiresOn", "2027-06-30"));

        var info = await services.Get<ModelRetirement>().GetAsync("qwen3-vl", Token);

        Assert.Equal(new RetirementInfo(new DateOnly(2027, 6, 30), RetirementSource.Setting, 213), info);
        Assert.False(info.IsNear);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_never_fails_the_lookup()
    {
        var closed = Server.BaseUrl;
        await ReplaceServerAsync(); // nothing listens at the old address now
        using var services = CoreServices.Create(("Vision:Endpoint", closed.ToString()), ("Vision:ApiKey", FakeOpenAIServer.ApiKey));

        var info = await services.Get<ModelRetirement>().GetAsync("gpt-4o-2024-08-06", Token);

        Assert.Equal(new RetirementInfo(null, RetirementSource.None, null), info); // not OpenAI's endpoint: no shipped default either
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06", "openai", "2027-01-14")]
    [InlineData("ft:gpt-4o-2024-08-06:kovo-rybka:gestima-v1:D8oakyjH", "openai", "2027-01-14")]
    [InlineData("gpt-4.1-mini-2025-04-14", "openai", "2027-01-14")]
    [InlineData("ft:gpt-4o-2024-08-06:kovo-rybka:gestima-v1:D8oakyjH", "azure_openai", null)]
    [InlineData("gpt-5", "openai", null)]
    public void Shipped_defaults_cover_the_retiring_families_and_their_fine_tunes_on_OpenAIs_endpoint_only(string model, string endpointKind, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RetirementDefaults.For(model, endpointKind));

    [Fact]
    public async Task The_daily_watch_warns_when_the_model_in_use_retires_within_60_days()
    {
        Server.Models["gpt-4o-2024-08-06"] = "2027-01-14";
        var logs = new CapturingLoggerProvider();
        using var services = Services([("Vision:Model", "gpt-4o-2024-08-06")], logs);

        var (model, retirement) = await services.Get<RetirementWatch>().CheckAsync(Token);

        Assert.Equal(("gpt-4o-2024-08-06", 46), (model, retirement.DaysLeft));
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("retires on 2027-01-14 (46 days left", warning.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings) => Services(settings, null);

    private ServiceProvider Services((string Key, string Value)[] settings, ILoggerProvider? logs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ServerSettings.Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_time)
            .AddLogging(builder => { if (logs is not null) { builder.AddProvider(logs); } })
            .AddTimeVisionCore()
            .BuildServiceProvider();
    }
}
