namespace Microsolidarity.Hub.Platform;

/// <summary>
/// Tags as people type them, comma-separated ("facilitation, bread, Portuguese"): a profile's interests and skills,
/// an offer's skills. One reader, so the members page's skill search, a profile and an offer split them alike.
/// </summary>
public static class Tags
{
    /// <summary>The tags of a comma-separated field, trimmed, empty ones left out; none for a hidden (null) or empty field.</summary>
    public static IReadOnlyList<string> Split(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
