using System.Globalization;

namespace TimeVision.Core.Storage;

/// <summary>The words both versioned stores use.</summary>
internal static class VersionedStoreMessages
{
    /// <summary>Version <paramref name="number"/> of <paramref name="kind"/> was taken first.</summary>
    public static string Taken(string kind, int number) => string.Create(CultureInfo.InvariantCulture, $"The {kind} version {number} was stored by someone else first.");
}
