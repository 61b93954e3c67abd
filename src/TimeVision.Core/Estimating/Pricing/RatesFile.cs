using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>Reads a rates document (the <c>GET/PUT /api/rates</c> contract) from JSON, checked by <see cref="RatesRules"/>, each fault naming the line and field.</summary>
public static class RatesFile
{
    /// <summary>The rates in <paramref name="json"/>, or why not.</summary>
    /// <param name="json">The document.</param>
    /// <param name="name">Its name in messages (the file name, or <c>rates</c> for a request body).</param>
    public static InputFileResult<ShopRates> Parse(string json, string name) => JsonInputFile.Parse<ShopRates>(json, name, RatesRules.Check);

    /// <summary>
    /// The rates in the file at <paramref name="path"/>, to price one quote with: versioned <c>file-&lt;name&gt;-&lt;hash&gt;</c>
    /// by the file's content, so a quote records which file it used.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<InputFileResult<ShopRates>> ReadForQuoteAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return InputFileResult<ShopRates>.Failure("file_not_found", $"'{path}' does not exist.");
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        var read = Parse(json, Path.GetFileName(path));
        if (read.Value is null)
        {
            return read;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
        return InputFileResult<ShopRates>.Success(read.Value with { Version = $"file-{Path.GetFileNameWithoutExtension(path)}-{hash}", SetBy = null, SetAt = null });
    }
}
