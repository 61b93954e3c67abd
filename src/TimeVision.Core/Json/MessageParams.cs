using System.Globalization;

namespace TimeVision.Core.Json;

/// <summary>
/// The values a message names, by name, beside its stable code: what a page needs to word a warning or an error in its
/// own language (<c>{"code": "material_differs_from_title_block", "params": {"material": "1.4301", …}}</c>). Values are
/// text; numbers are written in the invariant culture (<c>0.5</c>), so a reader can format them in its own.
/// </summary>
public static class MessageParams
{
    /// <summary>The named values, leaving out those that are <see langword="null"/>.</summary>
    /// <param name="values">Each value's name and value.</param>
    public static IReadOnlyDictionary<string, string> Of(params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var named = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                named[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        return named;
    }
}
