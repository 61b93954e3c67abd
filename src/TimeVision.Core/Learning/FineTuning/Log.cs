using Microsoft.Extensions.Logging;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>Log messages of durable fine-tuning starts; event ids 5000–5099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Fine-tune start {StartId}: training files uploaded ({TrainingExamples} training, {ValidationExamples} validation examples)")]
    public static partial void FilesUploaded(ILogger logger, string startId, int trainingExamples, int validationExamples);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Fine-tune start {StartId}: {FileName} was uploaded by an earlier run of the step; not uploaded again")]
    public static partial void UploadFound(ILogger logger, string startId, string fileName);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Fine-tune job {JobId} started by {StartId} on {BaseModel} with {TrainingExamples} training and {ValidationExamples} validation examples")]
    public static partial void JobStarted(ILogger logger, string jobId, string startId, string baseModel, int trainingExamples, int validationExamples);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Fine-tune start {StartId} ends without a job: {Code}")]
    public static partial void StartRefused(ILogger logger, string startId, string code);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Fine-tune start {StartId}: the provider refused the job ({Status})")]
    public static partial void JobRefused(ILogger logger, Exception exception, string startId, int status);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Fine-tune start {StartId}: the uploaded files could not be deleted after the job was refused (the provider answered {Status})")]
    public static partial void UploadsNotDeleted(ILogger logger, Exception exception, string startId, int status);
}
