using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Learning.History;
using TimeVision.Functions.Triggers;
using TimeVision.Testing.History;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary><c>GET /api/estimates/{id}/similar</c> over generated labelled history in Cosmos DB and Azurite, the index in its Cosmos DB partition.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class SimilarPartsApiTests(SimilarPartsApiTests.StoredHistory history) : IClassFixture<SimilarPartsApiTests.StoredHistory>
{
    private const int Parts = 12;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FunctionsHarness Harness => history.Harness;

    private IReadOnlyList<(string Id, GeneratedPart Part)> History => history.Parts;

    private SimilarPartsApi Api => ActivatorUtilities.CreateInstance<SimilarPartsApi>(Harness.Services);

    [Fact]
    public async Task The_planted_near_duplicate_comes_first_with_its_real_time_and_the_document_is_never_its_own_neighbour()
    {
        var (id, _) = History[4];
        var duplicate = StoredHistory.DuplicateId;

        var result = await Api.GetAsync(FunctionsHarness.Request("GET"), id, Token);

        var answer = Assert.IsType<SimilarPartsAnswer>(Assert.IsType<Ok<SimilarPartsAnswer>>(result.Result).Value);
        var neighbours = Assert.Single(answer.Parts).Neighbours;
        Assert.Equal((duplicate, "DUP-API", 17.25), (neighbours[0].Id, neighbours[0].DrawingNumber, neighbours[0].ActualMin));
        Assert.DoesNotContain(neighbours, n => n.Id == id);
        Assert.Equal(5, neighbours.Count);
        Assert.Equal(Parts + 1, (await Harness.Services.GetRequiredService<IHistoryStore>().ListAsync(Token)).Count);
    }

    [Theory]
    [InlineData("0", 400)]
    [InlineData("51", 400)]
    [InlineData("x", 400)]
    [InlineData("3", 200)]
    public async Task K_is_checked(string k, int status)
    {
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?k={k}");

        var result = await Api.GetAsync(request, History[0].Id, Token);

        Assert.Equal(status, Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IStatusCodeHttpResult>(result.Result).StatusCode);
    }

    [Fact]
    public async Task An_unknown_document_is_404()
    {
        var result = await Api.GetAsync(FunctionsHarness.Request("GET"), new string('e', 64), Token);

        Assert.Equal(404, Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result).StatusCode);
    }

    /// <summary>
    /// The generated history, stored once for the class (the cases only read it), with a near duplicate of its fifth
    /// part planted beside it.
    /// </summary>
    public sealed class StoredHistory(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
    {
        private readonly List<(string Id, GeneratedPart Part)> _parts = [];

        internal FunctionsHarness Harness { get; private set; } = null!;

        internal static string DuplicateId { get; } = GeneratedHistory.IdOf("api-duplicate");

        internal IReadOnlyList<(string Id, GeneratedPart Part)> Parts => _parts;

        public async ValueTask InitializeAsync()
        {
            Harness = await FunctionsHarness.StartAsync(azurite, cosmos);
            var random = new Random(3);
            for (var i = 0; i < SimilarPartsApiTests.Parts; i++)
            {
                var part = GeneratedHistory.Draw(random, i);
                var id = GeneratedHistory.IdOf($"api-{i}");
                await GeneratedHistory.StoreAsync(Harness.Services, id, part, CancellationToken.None);
                _parts.Add((id, part));
            }

            var original = _parts[4].Part;
            var duplicate = original with { LengthMm = original.LengthMm * 0.98, DrawingNumber = "DUP-API" };
            await GeneratedHistory.StoreAsync(Harness.Services, DuplicateId, duplicate, CancellationToken.None, actualMinutes: 17.25);
        }

        public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
    }
}
