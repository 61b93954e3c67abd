using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Tests.Support;

namespace TimeVision.Core.Tests.DependencyInjection;

/// <summary>Every options class is checked when a host starts, and a bad setting is named in the failure.</summary>
public sealed class OptionsValidationTests
{
    /// <summary>The setting the failure must name, and the settings that make it fail.</summary>
    public static TheoryData<string, string[]> BadSettings => new()
    {
        // A Cosmos DB endpoint without a database or a container, or with one container for both partition keys.
        { "Storage:CosmosDatabase", ["Storage:CosmosEndpoint=https://cosmos.example/", "Storage:CosmosDatabase= "] },
        { "Storage:CosmosContainer", ["Storage:CosmosEndpoint=https://cosmos.example/", "Storage:CosmosContainer="] },
        { "Storage:CosmosModelsContainer", ["Storage:CosmosEndpoint=https://cosmos.example/", "Storage:CosmosModelsContainer=estimates"] },
        { "Storage:CosmosEndpoint", ["Storage:CosmosEndpoint=cosmos-account"] },
        { "Storage:CosmosKey", ["Storage:CosmosKey=a-key"] },
        { "Storage:BlobServiceUri", ["Storage:BlobServiceUri=stexample"] },
        { "Storage:DataDirectory", ["Storage:DataDirectory="] },
        { "Evaluation:Prices:gpt-4o:Input", ["Evaluation:Prices:gpt-4o:Input=-2.5"] },
        { "Evaluation:Prices:shop-model:Output", ["Evaluation:Prices:shop-model:Input=1", "Evaluation:Prices:shop-model:Output=2500"] },
        { "ModelCheck:SamplesDirectory", ["ModelCheck:SamplesDirectory="] },
        { "Estimate:Method", ["Estimate:Method=fastest"] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_fails_at_start_with_a_message_naming_it(string named, string[] settings)
    {
        using var provider = CoreServices.Create([.. settings.Select(s => s.Split('=', 2)).Select(s => (s[0], s[1]))]);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failure.Failures, message => message.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_that_cannot_be_read_as_its_type_fails_at_start_naming_it()
    {
        using var provider = CoreServices.Create(("FineTuning:NewJobsCloseOn", "next spring"));

        var failure = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FineTuning:NewJobsCloseOn", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_complete_Cosmos_DB_setup_pass()
    {
        using var defaults = CoreServices.Create();
        using var cosmos = CoreServices.Create(
            ("Storage:CosmosEndpoint", "https://cosmos.example/"), ("Storage:BlobServiceUri", "https://blobs.example/"), ("Storage:DataDirectory", ""));

        defaults.GetRequiredService<IStartupValidator>().Validate();
        cosmos.GetRequiredService<IStartupValidator>().Validate();
    }
}
