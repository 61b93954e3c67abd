namespace TimeVision.Api.Endpoints;

/// <summary>
/// The route templates of <see cref="ApiEndpoints"/>, as constants so the Functions app's <c>[HttpTrigger]</c> shims
/// name the very same ones. The Functions host's route prefix is empty (<c>host.json</c>), so the API names <c>api/</c>
/// itself and the page can be <c>/</c>.
/// </summary>
public static class ApiRoutes
{
    /// <summary>The list of documents, and an upload.</summary>
    public const string Estimates = "api/estimates";

    /// <summary>One document.</summary>
    public const string Estimate = "api/estimates/{id}";

    /// <summary>A document's retry.</summary>
    public const string Retry = "api/estimates/{id}/retry";

    /// <summary>A deleted document put back on the list.</summary>
    public const string Restore = "api/estimates/{id}/restore";

    /// <summary>A deleted document's files removed for good.</summary>
    public const string Purge = "api/estimates/{id}/purge";

    /// <summary>A page's rendered image.</summary>
    public const string PageImage = "api/estimates/{id}/pages/{page}/image";

    /// <summary>A page's text-layer facts.</summary>
    public const string PageFacts = "api/estimates/{id}/pages/{page}/facts";

    /// <summary>The shop's real time for a document.</summary>
    public const string Feedback = "api/estimates/{id}/feedback";

    /// <summary>A document's facts checklist.</summary>
    public const string Checklist = "api/estimates/{id}/checklist";

    /// <summary>A document's process plan with its features.</summary>
    public const string Plan = "api/estimates/{id}/plan";

    /// <summary>The estimator's acceptance of a document's plan.</summary>
    public const string PlanAccept = "api/estimates/{id}/plan/accept";

    /// <summary>A document's plan made again with the shop's cutting data and work centres in use.</summary>
    public const string PlanReplan = "api/estimates/{id}/plan/replan";

    /// <summary>The estimator's features for a document.</summary>
    public const string Features = "api/estimates/{id}/features";

    /// <summary>A document's most similar labelled past parts.</summary>
    public const string Similar = "api/estimates/{id}/similar";

    /// <summary>A document's price for batch quantities.</summary>
    public const string Quote = "api/estimates/{id}/quote";

    /// <summary>A document's frozen quotes, and a freeze.</summary>
    public const string Quotes = "api/estimates/{id}/quotes";

    /// <summary>One frozen quote.</summary>
    public const string FrozenQuote = "api/estimates/{id}/quotes/{quoteId}";

    /// <summary>The shop's rates.</summary>
    public const string Rates = "api/rates";

    /// <summary>The shop's cutting data.</summary>
    public const string CuttingData = "api/cutting-data";

    /// <summary>Fine-tuning jobs, and a start.</summary>
    public const string FineTuneJobs = "api/fine-tune/jobs";

    /// <summary>One fine-tuning start.</summary>
    public const string FineTuneStart = "api/fine-tune/starts/{startId}";

    /// <summary>A history import's start.</summary>
    public const string HistoryImports = "api/history/imports";

    /// <summary>One history import.</summary>
    public const string HistoryImport = "api/history/imports/{importId}";

    /// <summary>What the caller may do.</summary>
    public const string Caller = "api/caller";

    /// <summary>The model in use.</summary>
    public const string ModelInfo = "api/model-info";

    /// <summary>A model's check.</summary>
    public const string ModelCheck = "api/model/check";

    /// <summary>A model's activation.</summary>
    public const string ModelActivate = "api/model/activate";

    /// <summary>The training export.</summary>
    public const string TrainingExport = "api/training/export";

    /// <summary>The page (the root only).</summary>
    public const string PageIndex = "{ignored:maxlength(0)?}";

    /// <summary>The page opening one document.</summary>
    public const string PageDocument = "estimates/{id}";

    /// <summary>The page opening the admin's rates and work centres.</summary>
    public const string PageRates = "admin/rates";

    /// <summary>The page's files.</summary>
    public const string PageAsset = "assets/{name}";
}
