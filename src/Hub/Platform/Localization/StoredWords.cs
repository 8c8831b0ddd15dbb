using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Words the hub writes once and shows to many readers (a line of the hosts' log, a ledger entry's description): stored
/// as a key of <see cref="Strings"/> with its arguments, and said in each reader's language when read
/// (<see cref="Say"/>). Arguments are what people wrote or named (a title, a name) and stay as written; an argument may be
/// stored words itself (a refund of a payment), or a list of names, joined in the reader's language. Rows written
/// before were English sentences: they do not start with the mark and are shown as written.
/// </summary>
public static class StoredWords
{
    /// <summary>What no English sentence of the hub started with: the rest is JSON.</summary>
    public const string Mark = "§words";

    private sealed record Stored(string K, JsonElement[] A, long? N);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The key with its arguments: each a string (or stored words), or a list of strings (<see cref="List"/>).</summary>
    public static string Of(string key, params object[] arguments) => Write(key, arguments, null);

    /// <summary>A counted phrase: <c>Key.one</c> or <c>Key.other</c> by the reader's language, with the count as {0}.</summary>
    public static string Counted(string key, long count, params object[] more) => Write(key, more, count);

    /// <summary>Names said as a list in the reader's language ("Ana, Bo and Cy").</summary>
    public static object List(IEnumerable<string> names) => names.ToArray(); // an object, so that it is one argument, not the arguments

    private static string Write(string key, object[] arguments, long? count) =>
        Mark + JsonSerializer.Serialize(new { k = key, a = arguments, n = count }, Json);

    /// <summary>
    /// Stored words that fit a column of <paramref name="max"/> characters: the longest written arguments are shortened
    /// (with "…") until they do, so what is kept still reads, where cutting the stored text would lose it all.
    /// </summary>
    public static string Fit(string stored, int max)
    {
        if (stored.Length <= max || Read(stored) is not { } words)
        {
            return stored.Length <= max ? stored : stored[..max];
        }
        var arguments = words.A.Select(a => a.ValueKind == JsonValueKind.String ? (object)a.GetString()! : a).ToArray();
        for (var i = 0; i < 20 && stored.Length > max; i++)
        {
            var longest = arguments.Select((a, at) => (Text: a as string ?? "", At: at)).MaxBy(a => a.Text.Length);
            if (longest.Text.Length < 2)
            {
                break;
            }
            var keep = Math.Max(1, longest.Text.Length - (stored.Length - max) - 1);
            arguments[longest.At] = longest.Text[..keep] + "…";
            stored = Write(words.K, arguments, words.N);
        }
        return stored.Length <= max ? stored : stored[..max];
    }

    /// <summary>The key and arguments of stored words; false for a sentence stored as written.</summary>
    public static bool TryRead(string stored, out string key, out IReadOnlyList<string> arguments)
    {
        (key, arguments) = ("", []);
        if (Read(stored) is not { } words)
        {
            return false;
        }
        key = words.K;
        arguments = [.. words.A.Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.ToString())];
        return true;
    }

    /// <summary>The words in the reader's language (the current UI culture); a sentence stored as written comes back as it is.</summary>
    public static string Say(IStringLocalizer strings, string stored)
    {
        if (Read(stored) is not { } words)
        {
            return stored;
        }
        var arguments = words.A.Select(a => a.ValueKind switch
        {
            JsonValueKind.Array => SayList(strings, [.. a.EnumerateArray().Select(n => n.GetString() ?? "")]),
            JsonValueKind.String => Say(strings, a.GetString()!),
            _ => (object)a.ToString(),
        }).ToArray();
        return words.N is { } count ? strings.Plural(words.K, count, arguments) : strings[words.K, arguments];
    }

    private static string SayList(IStringLocalizer strings, IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => strings["Stored.List.And", string.Join(", ", names.Take(names.Count - 1)), names[^1]],
    };

    private static Stored? Read(string? stored)
    {
        if (stored is null || !stored.StartsWith(Mark, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Stored>(stored.AsSpan(Mark.Length), Json) is { K: not null and not "" } words
                ? words with { A = words.A ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
