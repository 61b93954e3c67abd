namespace TimeVision.Core.Estimating.Estimates.Stores;

/// <summary>A labelled document and a token that changes whenever it is saved (a new label, a new estimate).</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Version">An opaque token: equal while the document is unchanged since it was last saved.</param>
public sealed record LabelVersion(string DocumentId, string Version);
