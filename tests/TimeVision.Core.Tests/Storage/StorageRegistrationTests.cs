using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;

namespace TimeVision.Core.Tests.Storage;

/// <summary>How the storage feature wires its Azure clients.</summary>
public sealed class StorageRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blob_Storage_and_Cosmos_DB_sign_in_with_the_one_registered_credential()
    {
        // Nothing listens on port 9 here; the credential refuses before any request would leave anyway.
        var credential = new RecordingCredential();
        using var provider = CoreServices.Create(
            services => services.AddSingleton<TokenCredential>(credential).AddTimeVisionCore(),
            ("Storage:BlobServiceUri", "https://127.0.0.1:9/"),
            ("Storage:CosmosEndpoint", "https://127.0.0.1:9/"),
            ("Storage:CreateCosmosResources", "false"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<Exception>(() => provider.Get<IBlobStore>().ExistsAsync(BlobReference.Drawing("abc"), timeout.Token));
        var blobScopes = credential.Scopes.ToArray();
        await Assert.ThrowsAnyAsync<Exception>(() => provider.Get<IEstimateStore>().GetAsync("abc", timeout.Token));

        Assert.Single(provider.GetServices<TokenCredential>());
        Assert.Equal(["https://storage.azure.com/.default"], blobScopes.Distinct());
        Assert.NotEmpty(credential.Scopes.Except(blobScopes));
    }

    /// <summary>Records what it is asked for and refuses, as a credential with nothing to sign in with does.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            throw new CredentialUnavailableException("The test's credential signs nobody in.");
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
