using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TimeVision.Core.Rendering;
using TimeVision.Core.Rendering.Poppler;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.FineTuning;
using TimeVision.Core.Models;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;
using TimeVision.Core.Vision.Prompts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TimeVision's Core services; both hosts (CLI and Functions) call this one method.</summary>
public static class TimeVisionCoreServiceCollectionExtensions
{
    /// <summary>Adds rendering and the vision estimator with their options, bound from configuration and validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<RenderingOptions>()
            .BindConfiguration(RenderingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RenderingOptions>, RenderingOptionsValidator>());

        services.AddOptions<VisionOptions>()
            .BindConfiguration(VisionOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The OpenAI SDK's own environment variables, for anyone who already has them set.
                options.ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? configuration["OPENAI_API_KEY"] : options.ApiKey;
                if (options.Endpoint is null && Uri.TryCreate(configuration["OPENAI_BASE_URL"], UriKind.Absolute, out var endpoint))
                {
                    options.Endpoint = endpoint;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());

        // The app's one Entra ID credential (managed identity in Azure, az login on a PC); it does no I/O until asked for a token.
        services.TryAddSingleton<global::Azure.Core.TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<VisionAccess>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PopplerTools>();
        services.TryAddSingleton<IPdfInspector, PopplerPdfInspector>();
        services.TryAddSingleton<IPageRenderer, PopplerPageRenderer>();
        services.TryAddSingleton<TimeVision.Core.Facts.PopplerTextReader>();
        services.TryAddSingleton<TimeVision.Core.Facts.DrawingFactsReader>();
        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<ChatClients>();
        services.TryAddSingleton<OpenAIVisionEstimator>();
        services.TryAddSingleton<IVisionEstimator>(provider => provider.GetRequiredService<OpenAIVisionEstimator>());
        services.TryAddSingleton<TimeVision.Core.Retirement.ModelRetirement>();
        services.TryAddSingleton<TimeVision.Core.Retirement.RetirementWatch>();
        services.AddOptions<TimeVision.Core.ModelCheck.ModelCheckOptions>().BindConfiguration(TimeVision.Core.ModelCheck.ModelCheckOptions.SectionName);
        services.TryAddSingleton<TimeVision.Core.ModelCheck.ModelCheckService>();
        services.AddOptions<FineTuneCutoffOptions>().BindConfiguration(FineTuneCutoffOptions.SectionName);

        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<ShadowOptions>().BindConfiguration(ShadowOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TimeVision.Core.Evaluation.EvaluationOptions>().BindConfiguration(TimeVision.Core.Evaluation.EvaluationOptions.SectionName);
        services.TryAddSingleton<TimeVision.Core.Evaluation.EvaluationSetBuilder>();
        services.TryAddSingleton<TimeVision.Core.Evaluation.EvaluationRunner>();
        services.TryAddSingleton<IBlobStore>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(storage.BlobConnectionString))
            {
                return new AzureBlobStore(new BlobServiceClient(storage.BlobConnectionString));
            }

            return storage.BlobServiceUri is { } serviceUri
                ? new AzureBlobStore(new BlobServiceClient(serviceUri, new DefaultAzureCredential()))
                : new LocalBlobStore(Path.Combine(storage.DataDirectory, "blobs"));
        });
        services.TryAddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new CosmosAccount(storage);
        });
        services.TryAddSingleton<IEstimateStore>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.CosmosEndpoint is null
                ? new LocalEstimateStore(storage.DataDirectory)
                : new CosmosEstimateStore(provider.GetRequiredService<CosmosAccount>().Container(storage.CosmosContainer, CosmosEstimateStore.PartitionKeyPath));
        });
        services.TryAddSingleton<IModelRegistry>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.CosmosEndpoint is null
                ? new LocalModelRegistry(storage.DataDirectory)
                : new CosmosModelRegistry(provider.GetRequiredService<CosmosAccount>().Container(storage.CosmosModelsContainer, CosmosModelRegistry.PartitionKeyPath));
        });
        services.TryAddSingleton<IFineTuneJobStore>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.CosmosEndpoint is null
                ? new LocalFineTuneJobStore(storage.DataDirectory)
                : new CosmosFineTuneJobStore(provider.GetRequiredService<CosmosAccount>().Container(storage.CosmosModelsContainer, CosmosModelRegistry.PartitionKeyPath));
        });
        services.TryAddSingleton<OpenAIFineTuning>();
        services.TryAddSingleton<FineTuneService>();
        services.TryAddSingleton<ActiveModel>();
        services.TryAddSingleton<ModelInfoService>();
        services.TryAddSingleton<PdfCache>();
        services.TryAddSingleton<DocumentPipeline>();
        services.TryAddSingleton<DocumentIntake>();
        services.TryAddSingleton<TimeVision.Core.Feedback.FeedbackService>();
        services.TryAddSingleton<TimeVision.Core.Training.TrainingExporter>();
        return services;
    }
}
