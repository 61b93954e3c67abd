namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Plans a features file with the cutting data and work centres a shop has: each given file, else the shop's (the
/// stored cutting-data override, else the data folder's; the stored rates' work centres, else the data folder's), else the defaults.
/// </summary>
public static class FilePlans
{
    /// <summary>Reads the three inputs and plans; the first input that is rejected ends it with its error.</summary>
    /// <param name="featuresFile">The features (the contract of <c>src/docs/process-plan.md</c>).</param>
    /// <param name="cuttingDataFile">A cutting-data override, or null for the shop's (<paramref name="cuttingData"/>, else the data folder's or none).</param>
    /// <param name="workCentresFile">A work-centres override, or null for the shop's (<paramref name="workCentres"/>, else the data folder's or none).</param>
    /// <param name="dataDirectory">The data folder, or null.</param>
    /// <param name="workCentres">The shop's work centres when no file is given (the rates' list once an admin stored rates), or null for the data folder's.</param>
    /// <param name="cuttingData">The shop's cutting data when no file is given (the stored override once an admin stored one), or null for the data folder's.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<InputFileResult<ProcessPlan>> PlanAsync(
        string featuresFile, string? cuttingDataFile, string? workCentresFile, string? dataDirectory, IWorkCentreSource? workCentres, ICuttingDataSource? cuttingData, CancellationToken cancellationToken)
    {
        var features = await JsonInputFile.ReadAsync<FeatureSet>(featuresFile, FeatureSetRules.Check, cancellationToken);
        if (features.Value is null)
        {
            return InputFileResult<ProcessPlan>.Failure(features.Error!.Code, features.Error.Message);
        }

        var cutting = cuttingDataFile is null && cuttingData is not null
            ? await cuttingData.CurrentAsync(cancellationToken)
            : await PlanningData.LoadCuttingDataAsync(cuttingDataFile, dataDirectory, cancellationToken);
        if (cutting.Value is null)
        {
            return InputFileResult<ProcessPlan>.Failure(cutting.Error!.Code, cutting.Error.Message);
        }

        var centres = workCentresFile is null && workCentres is not null
            ? await workCentres.CurrentAsync(cancellationToken)
            : await PlanningData.LoadWorkCentresAsync(workCentresFile, dataDirectory, cancellationToken);
        if (centres.Value is null)
        {
            return InputFileResult<ProcessPlan>.Failure(centres.Error!.Code, centres.Error.Message);
        }

        return InputFileResult<ProcessPlan>.Success(new ProcessPlanner(cutting.Value, centres.Value).Plan(features.Value));
    }
}
