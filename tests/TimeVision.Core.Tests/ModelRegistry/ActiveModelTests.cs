using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.ModelRegistry;

public sealed class ActiveModelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task With_nothing_chosen_the_default_model_is_used()
    {
        var (model, source) = await Resolver().ResolveAsync(Token);

        Assert.Equal((ModelIds.Default, ModelSource.Default), (model, source));
    }

    [Fact]
    public async Task An_activation_elsewhere_is_followed_after_the_cache_time_without_a_restart()
    {
        var registry = new LocalModelRegistry(_folder.Path);
        var resolver = Resolver(registry);
        Assert.Equal(ModelSource.Default, (await resolver.ResolveAsync(Token)).Source);

        // Another instance of the app activates it.
        await new ModelInfoService(Resolver(registry), registry, new LocalEstimateStore(_folder.Path), new TimeVision.Core.Learning.FineTuning.LocalFineTuneJobStore(_folder.Path), null!, null!, null!, null!, _time)
            .ActivateAsync("ft:gpt-4o-2024-08-06:shop::abc123", Token);
        var before = await resolver.ResolveAsync(Token);
        _time.Advance(ActiveModel.CacheFor + TimeSpan.FromSeconds(1));
        var after = await resolver.ResolveAsync(Token);

        Assert.Equal(ModelIds.Default, before.Model);
        Assert.Equal(("ft:gpt-4o-2024-08-06:shop::abc123", ModelSource.Registry), (after.Model, after.Source));
    }

    [Fact]
    public async Task Explicit_configuration_wins_over_the_registry()
    {
        var registry = new LocalModelRegistry(_folder.Path);
        await registry.SaveAsync(new ModelRegistryState { ActiveModel = "gpt-4.1" }, null, Token);

        var (model, source) = await Resolver(registry, ("Vision:Model", "gpt-4o-2024-08-06")).ResolveAsync(Token);

        Assert.Equal(("gpt-4o-2024-08-06", ModelSource.Configuration), (model, source));
    }

    [Theory]
    [InlineData("ft:gpt-4o-2024-08-06:shop::abc123", "gpt-4o-2024-08-06")]
    [InlineData("gpt-4.1", "gpt-4.1")]
    public void The_base_model_of_a_fine_tune_is_read_from_its_id(string model, string baseModel) =>
        Assert.Equal(baseModel, ModelInfoService.BaseOf(model));

    [Theory]
    [InlineData(null, "openai")]
    [InlineData("https://api.openai.com/v1/", "openai")]
    [InlineData("https://shop.openai.azure.com/openai/v1/", "azure_openai")]
    [InlineData("http://127.0.0.1:8000/v1/", "other")]
    public void The_endpoint_kind_is_read_from_its_host(string? endpoint, string kind) =>
        Assert.Equal(kind, EndpointKinds.Of(endpoint is null ? null : new Uri(endpoint)));

    [Fact]
    public async Task Concurrent_resolves_each_see_one_registry_read_whole_while_the_registry_changes()
    {
        var registry = new ChangingRegistry();
        var resolver = Resolver(registry);
        var results = new ConcurrentBag<(string Model, ModelSource Source)>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 4000),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token },
            async (i, token) =>
            {
                if (i % 7 == 0)
                {
                    _time.Advance(ActiveModel.CacheFor + TimeSpan.FromSeconds(1));
                }
                else if (i % 11 == 0)
                {
                    resolver.Invalidate();
                }

                results.Add(await resolver.ResolveAsync(token));
            });

        Assert.All(results, result => Assert.True(
            result == (ModelIds.Default, ModelSource.Default) || (result.Source == ModelSource.Registry && registry.Served.ContainsKey(result.Model)),
            $"{result} is not a value the registry served"));
        Assert.InRange(registry.Reads, 1, results.Count - 1);
    }

    private ActiveModel Resolver(IModelRegistry? registry = null, params (string Key, string Value)[] settings) => new(
        registry ?? new LocalModelRegistry(_folder.Path),
        CoreServices.Create(services => services.AddOptions<VisionOptions>().BindConfiguration(VisionOptions.SectionName), settings)
            .GetRequiredService<IOptionsMonitor<VisionOptions>>(),
        _time);

    /// <summary>A registry that another instance keeps switching: every read returns the next state, a model or none.</summary>
    private sealed class ChangingRegistry : IModelRegistry
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public ConcurrentDictionary<string, bool> Served { get; } = new(StringComparer.Ordinal);

        public async Task<ModelRegistryState> GetAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            var read = Interlocked.Increment(ref _reads);
            var model = read % 2 == 0 ? null : $"model-{read}";
            if (model is not null)
            {
                Served[model] = true;
            }

            return new ModelRegistryState { ActiveModel = model };
        }

        public Task SaveAsync(ModelRegistryState state, string? ifMatch, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}

[Collection(LocalServicesGroup.Name)]
public sealed class CosmosModelRegistryTests(CosmosFixture cosmos)
{
    [Fact]
    public async Task The_registry_round_trips_and_a_stale_token_is_refused()
    {
        var token = TestContext.Current.CancellationToken;
        var container = await CosmosModelRegistry.EnsureContainerAsync(
            cosmos.CreateClient(CosmosAccount.ClientOptions()), await cosmos.CreateDatabaseNameAsync(token), "models", token);
        var registry = new CosmosModelRegistry(container);

        var empty = await registry.GetAsync(token);
        await registry.SaveAsync(new ModelRegistryState { ActiveModel = "gpt-4.1", Candidates = ["ft:a"] }, null, token);
        var stored = await registry.GetAsync(token);
        await registry.SaveAsync(stored with { ActiveModel = "ft:a" }, stored.ETag, token);

        Assert.Null(empty.ActiveModel);
        Assert.Equal(["ft:a"], stored.Candidates);
        Assert.Equal("ft:a", (await registry.GetAsync(token)).ActiveModel);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => registry.SaveAsync(stored with { ActiveModel = "late" }, stored.ETag, token));
    }
}
