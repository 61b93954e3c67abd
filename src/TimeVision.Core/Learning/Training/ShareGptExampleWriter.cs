using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.Vision.Prompts;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// ShareGPT for open-weight vision training, as LLaMA-Factory and ms-swift read it:
/// <c>{"messages":[system, user, assistant],"images":["images/…png", …]}</c>, the user text led by one
/// <c>&lt;image&gt;</c> token per image in the order of <c>images</c>. Each sheet is written once as
/// <c>images/&lt;documentId&gt;-p&lt;NNN&gt;.png</c> (paths relative to the export folder), and
/// <c>dataset_info.json</c> describes both files for LLaMA-Factory.
/// </summary>
/// <param name="sink">Where the export's files go.</param>
/// <param name="prompt">The prompt set the trained model will be served with.</param>
internal sealed class ShareGptExampleWriter(IExportSink sink, PromptSet prompt) : IExampleWriter
{
    /// <summary>The image folder, relative to the export folder.</summary>
    public const string ImageFolder = "images";

    /// <summary>LLaMA-Factory's dataset description, in the export folder.</summary>
    public const string DatasetInfoFile = "dataset_info.json";

    /// <summary>The token that stands for one image in the user text.</summary>
    public const string ImageToken = "<image>";

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private long _bytes;

    /// <inheritdoc />
    public bool WritesFilesBesideLines => true;

    /// <inheritdoc />
    public async Task WriteAsync(Utf8JsonWriter line, TrainingExample example, CancellationToken cancellationToken)
    {
        var paths = new List<string>(example.Images.Count);
        foreach (var image in example.Images)
        {
            paths.Add(await WriteImageOnceAsync(image, cancellationToken));
        }

        line.WriteStartObject();
        line.WriteStartArray("messages");
        ExampleMessages.WriteText(line, "system", prompt.SystemText);
        ExampleMessages.WriteText(line, "user", string.Concat(Enumerable.Repeat(ImageToken, paths.Count)) + prompt.UserText);
        ExampleMessages.WriteText(line, "assistant", example.Answer);
        line.WriteEndArray();
        line.WriteStartArray("images");
        foreach (var path in paths)
        {
            line.WriteStringValue(path);
        }

        line.WriteEndArray();
        line.WriteEndObject();
    }

    /// <inheritdoc />
    public async Task<ExportImages?> CompleteAsync(ExportFile train, ExportFile validation, CancellationToken cancellationToken)
    {
        await using (var file = await sink.CreateAsync(DatasetInfoFile, cancellationToken))
        await using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteDataset(json, "timevision_train", train.Name);
            WriteDataset(json, "timevision_validation", validation.Name);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        return new ExportImages(ImageFolder, _written.Count, _bytes);
    }

    /// <summary>Writes the sheet's PNG unless an earlier example already did; returns its relative path.</summary>
    private async Task<string> WriteImageOnceAsync(ExampleImage image, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{ImageFolder}/{image.DocumentId}-p{image.Page:000}.png");
        if (_written.Add(path))
        {
            var png = image.Image.Png.ToMemory();
            await using (var file = await sink.CreateAsync(path, cancellationToken))
            {
                await file.WriteAsync(png, cancellationToken);
            }

            _bytes += png.Length;
        }

        return path;
    }

    /// <summary>One LLaMA-Factory dataset: a ShareGPT file with <c>messages</c> and <c>images</c> columns.</summary>
    private static void WriteDataset(Utf8JsonWriter json, string name, string fileName)
    {
        json.WriteStartObject(name);
        json.WriteString("file_name", fileName);
        json.WriteString("formatting", "sharegpt");
        json.WriteStartObject("columns");
        json.WriteString("messages", "messages");
        json.WriteString("images", "images");
        json.WriteEndObject();
        json.WriteStartObject("tags");
        json.WriteString("role_tag", "role");
        json.WriteString("content_tag", "content");
        json.WriteString("user_tag", "user");
        json.WriteString("assistant_tag", "assistant");
        json.WriteString("system_tag", "system");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
