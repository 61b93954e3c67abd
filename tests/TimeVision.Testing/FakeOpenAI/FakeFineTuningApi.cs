using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TimeVision.Testing.FakeOpenAI;

/// <summary>A file uploaded to the fake server.</summary>
/// <param name="Id">Its <c>file-…</c> id.</param>
/// <param name="FileName">The name it was uploaded under.</param>
/// <param name="Purpose">The <c>purpose</c> form field.</param>
/// <param name="Content">The bytes.</param>
public sealed record FakeFile(string Id, string FileName, string Purpose, byte[] Content)
{
    /// <summary>The content's lines.</summary>
    public IReadOnlyList<string> Lines => Encoding.UTF8.GetString(Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A fine-tuning job on the fake server; tests move it along with <see cref="FakeFineTuningApi.Advance"/>.</summary>
public sealed class FakeJob
{
    internal FakeJob(string id, JsonObject request, long createdAt)
    {
        Id = id;
        Request = request;
        CreatedAt = createdAt;
    }

    /// <summary>The <c>ftjob-…</c> id.</summary>
    public string Id { get; }

    /// <summary>The creation request's body.</summary>
    public JsonObject Request { get; }

    /// <summary>Unix seconds.</summary>
    public long CreatedAt { get; }

    /// <summary>The current status value.</summary>
    public string Status { get; internal set; } = "validating_files";

    internal string? FineTunedModel { get; set; }

    internal int? TrainedTokens { get; set; }

    internal JsonObject? Error { get; set; }

    internal List<JsonObject> Events { get; } = [];

    internal List<JsonObject> Checkpoints { get; } = [];
}

/// <summary>
/// The files and fine-tuning endpoints of the fake OpenAI server, in the real API's shapes: <c>POST /v1/files</c>
/// (multipart, checked as fine-tuning JSONL), <c>GET /v1/files</c> (with <c>purpose</c>), <c>DELETE /v1/files/{id}</c>,
/// <c>POST/GET /v1/fine_tuning/jobs</c> (the list newest first), and the job's <c>events</c> and <c>checkpoints</c>
/// lists, newest first with <c>limit</c>/<c>after</c> paging.
/// </summary>
public sealed class FakeFineTuningApi
{
    private readonly Func<HttpRequest, bool> _authorized;
    private readonly Action<string> _violation;
    private readonly ConcurrentDictionary<string, FakeFile> _files = new();
    private readonly ConcurrentDictionary<string, FakeJob> _jobs = new();
    private readonly ConcurrentQueue<string> _deleted = new();
    private readonly Lock _deleting = new();
    private int _ids;

    internal FakeFineTuningApi(Func<HttpRequest, bool> authorized, Action<string> violation)
    {
        _authorized = authorized;
        _violation = violation;
    }

    /// <summary>Every file ever uploaded, deleted or not.</summary>
    public IReadOnlyList<FakeFile> Files => [.. _files.Values.OrderBy(f => f.Id, StringComparer.Ordinal)];

    /// <summary>The uploaded files the server still holds: not deleted.</summary>
    public IReadOnlyList<FakeFile> StoredFiles => [.. Files.Where(f => !_deleted.Contains(f.Id))];

    /// <summary>The ids of files deleted, in the order they were deleted.</summary>
    public IReadOnlyList<string> DeletedFiles => [.. _deleted];

    /// <summary>While set, job creations are refused with a 400 carrying this message, as for a model that cannot be fine-tuned.</summary>
    public string? RefuseJobsWith { get; set; }

    /// <summary>While set, file uploads wait for this task before they are taken: a test sees a start mid-upload.</summary>
    public Task? UploadsWaitFor { get; set; }

    /// <summary>HTTP status to answer file deletions with instead of deleting (e.g. 500), until set back to null.</summary>
    public int? FileDeleteFailure { get; set; }

    /// <summary>Every job created.</summary>
    public IReadOnlyList<FakeJob> Jobs => [.. _jobs.Values.OrderBy(j => j.CreatedAt)];

    /// <summary>HTTP status to answer job reads with instead of the job (e.g. 500), until set back to null.</summary>
    public int? JobReadFailure { get; set; }

    /// <summary>Moves a job to a new status, as OpenAI's workers would.</summary>
    public void Advance(string jobId, string status, string? fineTunedModel = null, int? trainedTokens = null, (string Code, string Message, string? Param)? error = null)
    {
        var job = _jobs[jobId];
        job.Status = status;
        job.FineTunedModel = fineTunedModel ?? job.FineTunedModel;
        job.TrainedTokens = trainedTokens ?? job.TrainedTokens;
        if (error is { } e)
        {
            job.Error = new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["param"] = e.Param };
        }

        AddEvent(job, "message", $"Job {status.Replace('_', ' ')}", data: null);
    }

    /// <summary>Adds a <c>metrics</c> event, as the API logs during training.</summary>
    public void AddMetricsEvent(string jobId, int step, double trainLoss, double? validLoss = null)
    {
        var data = new JsonObject { ["step"] = step, ["train_loss"] = trainLoss, ["total_steps"] = 100, ["train_mean_token_accuracy"] = 0.9 };
        if (validLoss is { } valid)
        {
            data["valid_loss"] = valid;
            data["valid_mean_token_accuracy"] = 0.85;
        }

        AddEvent(_jobs[jobId], "metrics", string.Create(CultureInfo.InvariantCulture, $"Step {step}/100: training loss={trainLoss:0.####}"), data);
    }

    /// <summary>Adds a checkpoint, as the API saves at each epoch's end.</summary>
    public void AddCheckpoint(string jobId, int step, double trainLoss, double validLoss, double fullValidLoss)
    {
        var job = _jobs[jobId];
        var id = Interlocked.Increment(ref _ids);
        job.Checkpoints.Add(new JsonObject
        {
            ["object"] = "fine_tuning.job.checkpoint",
            ["id"] = $"ftckpt_fake{id}",
            ["created_at"] = job.CreatedAt + id,
            ["fine_tuned_model_checkpoint"] = $"ft:{job.Request["model"]}:shop:{job.Request["suffix"]}:fake:ckpt-step-{step}",
            ["fine_tuning_job_id"] = job.Id,
            ["step_number"] = step,
            ["metrics"] = new JsonObject
            {
                ["step"] = step,
                ["train_loss"] = trainLoss,
                ["train_mean_token_accuracy"] = 0.9,
                ["valid_loss"] = validLoss,
                ["valid_mean_token_accuracy"] = 0.85,
                ["full_valid_loss"] = fullValidLoss,
                ["full_valid_mean_token_accuracy"] = 0.84,
            },
        });
    }

    internal void Map(WebApplication app)
    {
        app.MapPost("/v1/files", UploadAsync);
        app.MapGet("/v1/files", (HttpContext context) => Authorized(context, () => ListFilesAsync(context)));
        app.MapDelete("/v1/files/{id}", (HttpContext context, string id) => Authorized(context, () => DeleteFileAsync(context, id)));
        app.MapPost("/v1/fine_tuning/jobs", CreateJobAsync);
        app.MapGet("/v1/fine_tuning/jobs", (HttpContext context) =>
            Authorized(context, () => WriteListAsync(context, [.. _jobs.Values.OrderByDescending(j => j.CreatedAt).Select(JobJson)])));
        app.MapGet("/v1/fine_tuning/jobs/{id}", (HttpContext context, string id) => Authorized(context, () => ReadJobAsync(context, id)));
        app.MapGet("/v1/fine_tuning/jobs/{id}/events", (HttpContext context, string id) =>
            Authorized(context, () => WithJob(context, id, job => WriteListAsync(context, [.. Enumerable.Reverse(job.Events)]))));
        app.MapGet("/v1/fine_tuning/jobs/{id}/checkpoints", (HttpContext context, string id) =>
            Authorized(context, () => WithJob(context, id, job => WriteListAsync(context, [.. Enumerable.Reverse(job.Checkpoints)]))));
    }

    private Task UploadAsync(HttpContext context) => Authorized(context, async () =>
    {
        if (UploadsWaitFor is { } release)
        {
            await release;
        }

        if (!context.Request.HasFormContentType)
        {
            await RejectAsync(context, 400, "POST /v1/files must be multipart/form-data.");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var purpose = form["purpose"].ToString();
        var file = form.Files.GetFile("file");
        if (purpose != "fine-tune" || file is null || !file.FileName.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            await RejectAsync(context, 400, $"Expected a .jsonl 'file' with purpose 'fine-tune'; got purpose '{purpose}', file '{file?.FileName}'.");
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var content = buffer.ToArray();
        if (FineTuningLineProblem(content) is { } problem)
        {
            await RejectAsync(context, 400, problem);
            return;
        }

        var id = $"file-fake{Interlocked.Increment(ref _ids)}";
        var uploaded = new FakeFile(id, file.FileName, purpose, content);
        _files[id] = uploaded;
        await WriteJsonAsync(context, FileJson(uploaded));
    });

    private async Task ListFilesAsync(HttpContext context)
    {
        var purpose = context.Request.Query["purpose"].ToString();
        var files = StoredFiles.Where(f => purpose.Length == 0 || f.Purpose == purpose).Select(FileJson).ToArray();
        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(files),
            ["first_id"] = files.FirstOrDefault()?["id"]?.GetValue<string>(),
            ["last_id"] = files.LastOrDefault()?["id"]?.GetValue<string>(),
            ["has_more"] = false,
        });
    }

    private async Task DeleteFileAsync(HttpContext context, string id)
    {
        if (FileDeleteFailure is { } status)
        {
            context.Response.StatusCode = status;
            await WriteJsonAsync(context, ErrorJson("server_error", "The fake server was told to fail file deletions."));
            return;
        }

        bool deleted;
        lock (_deleting)
        {
            deleted = _files.ContainsKey(id) && !_deleted.Contains(id);
            if (deleted)
            {
                _deleted.Enqueue(id);
            }
        }

        if (!deleted)
        {
            context.Response.StatusCode = 404;
            await WriteJsonAsync(context, ErrorJson("invalid_request_error", $"No such File object: {id}"));
            return;
        }

        await WriteJsonAsync(context, new JsonObject { ["id"] = id, ["object"] = "file", ["deleted"] = true });
    }

    private static JsonObject FileJson(FakeFile file) => new()
    {
        ["object"] = "file",
        ["id"] = file.Id,
        ["purpose"] = file.Purpose,
        ["filename"] = file.FileName,
        ["bytes"] = file.Content.Length,
        ["created_at"] = 1_764_000_000,
        ["expires_at"] = null,
        ["status"] = "processed",
        ["status_details"] = null,
    };

    private Task CreateJobAsync(HttpContext context) => Authorized(context, async () =>
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject();
        var model = body?["model"]?.GetValue<string>();
        var training = body?["training_file"]?.GetValue<string>();
        var validation = body?["validation_file"]?.GetValue<string>();
        var suffix = body?["suffix"]?.GetValue<string>();
        string? problem = null;
        if (string.IsNullOrEmpty(model))
        {
            problem = "model is required.";
        }
        else if (training is null || !_files.TryGetValue(training, out var trainingFile) || trainingFile.Purpose != "fine-tune" || _deleted.Contains(training))
        {
            problem = $"training_file '{training}' is not an uploaded fine-tune file.";
        }
        else if (validation is not null && (!_files.ContainsKey(validation) || _deleted.Contains(validation)))
        {
            problem = $"validation_file '{validation}' is not an uploaded file.";
        }
        else if (suffix is { Length: > 64 })
        {
            problem = "suffix is longer than 64 characters.";
        }

        if (problem is not null)
        {
            await RejectAsync(context, 400, problem);
            return;
        }

        if (RefuseJobsWith is { } refusal)
        {
            context.Response.StatusCode = 400;
            await WriteJsonAsync(context, ErrorJson("invalid_request_error", refusal));
            return;
        }

        var id = $"ftjob-fake{Interlocked.Increment(ref _ids)}";
        var job = new FakeJob(id, body!, 1_764_000_000 + _ids);
        _jobs[id] = job;
        AddEvent(job, "message", $"Created fine-tuning job: {id}", data: null);
        await WriteJsonAsync(context, JobJson(job));
    });

    private async Task ReadJobAsync(HttpContext context, string id)
    {
        if (JobReadFailure is { } status)
        {
            context.Response.StatusCode = status;
            await WriteJsonAsync(context, ErrorJson("server_error", "The fake server was told to fail job reads."));
            return;
        }

        await WithJob(context, id, job => WriteJsonAsync(context, JobJson(job)));
    }

    private async Task WithJob(HttpContext context, string id, Func<FakeJob, Task> action)
    {
        if (_jobs.TryGetValue(id, out var job))
        {
            await action(job);
            return;
        }

        context.Response.StatusCode = 404;
        await WriteJsonAsync(context, ErrorJson("invalid_request_error", $"No fine-tuning job found with id {id}."));
    }

    private static JsonObject JobJson(FakeJob job) => new()
    {
        ["object"] = "fine_tuning.job",
        ["id"] = job.Id,
        ["model"] = job.Request["model"]?.GetValue<string>(),
        ["created_at"] = job.CreatedAt,
        ["finished_at"] = job.Status is "succeeded" or "failed" or "cancelled" ? job.CreatedAt + 3600 : null,
        ["fine_tuned_model"] = job.FineTunedModel,
        ["organization_id"] = "org-fake",
        ["result_files"] = new JsonArray(),
        ["status"] = job.Status,
        ["validation_file"] = job.Request["validation_file"]?.GetValue<string>(),
        ["training_file"] = job.Request["training_file"]?.GetValue<string>(),
        ["hyperparameters"] = new JsonObject { ["n_epochs"] = "auto", ["batch_size"] = "auto", ["learning_rate_multiplier"] = "auto" },
        ["trained_tokens"] = job.TrainedTokens,
        ["error"] = job.Error?.DeepClone(),
        ["user_provided_suffix"] = job.Request["suffix"]?.GetValue<string>(),
        ["seed"] = 42,
        ["estimated_finish"] = null,
        ["integrations"] = new JsonArray(),
        ["metadata"] = null,
        ["method"] = new JsonObject
        {
            ["type"] = "supervised",
            ["supervised"] = new JsonObject
            {
                ["hyperparameters"] = new JsonObject { ["n_epochs"] = "auto", ["batch_size"] = "auto", ["learning_rate_multiplier"] = "auto" },
            },
        },
    };

    private void AddEvent(FakeJob job, string type, string message, JsonObject? data)
    {
        var id = Interlocked.Increment(ref _ids);
        job.Events.Add(new JsonObject
        {
            ["object"] = "fine_tuning.job.event",
            ["id"] = $"ftevent-fake{id}",
            ["created_at"] = job.CreatedAt + id,
            ["level"] = "info",
            ["message"] = message,
            ["data"] = data,
            ["type"] = type,
        });
    }

    private static Task WriteListAsync(HttpContext context, IReadOnlyList<JsonObject> newestFirst)
    {
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 20;
        var after = context.Request.Query["after"].ToString();
        var start = after.Length == 0 ? 0 : newestFirst.ToList().FindIndex(item => item["id"]!.GetValue<string>() == after) + 1;
        var page = newestFirst.Skip(start).Take(limit).Select(item => item.DeepClone()).ToArray();
        return WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page),
            ["first_id"] = page.FirstOrDefault()?["id"]?.GetValue<string>(),
            ["last_id"] = page.LastOrDefault()?["id"]?.GetValue<string>(),
            ["has_more"] = start + page.Length < newestFirst.Count,
        });
    }

    /// <summary>Each line must be a chat fine-tuning example: a JSON object whose messages end with the assistant's answer.</summary>
    private static string? FineTuningLineProblem(byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                if (JsonNode.Parse(lines[i]) is not JsonObject { } line || line["messages"] is not JsonArray { Count: >= 2 } messages
                    || messages[^1]?["role"]?.GetValue<string>() != "assistant")
                {
                    return $"Line {i + 1} is not a chat example ending with an assistant message.";
                }
            }
            catch (JsonException exception)
            {
                return $"Line {i + 1} is not JSON: {exception.Message}";
            }
        }

        return null;
    }

    private async Task Authorized(HttpContext context, Func<Task> action)
    {
        if (!_authorized(context.Request))
        {
            _violation("auth: the Authorization header is not 'Bearer <key>' with the configured key.");
            context.Response.StatusCode = 401;
            await WriteJsonAsync(context, ErrorJson("invalid_request_error", "Incorrect API key provided."));
            return;
        }

        await action();
    }

    private async Task RejectAsync(HttpContext context, int status, string message)
    {
        _violation(message);
        context.Response.StatusCode = status;
        await WriteJsonAsync(context, ErrorJson("invalid_request_error", message));
    }

    private static JsonObject ErrorJson(string type, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } };

    private static Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
