using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TimeVision.Core.Estimating.Estimates.Stores;

/// <summary>The id under which a page's model result is kept: page, model and prompt hash.</summary>
internal static class PageResultKey
{
    public static string For(int page, string model, string promptHash)
    {
        var modelHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..12];
        return string.Create(CultureInfo.InvariantCulture, $"page-{page:000}-{modelHash}-{promptHash[..Math.Min(16, promptHash.Length)]}");
    }
}
