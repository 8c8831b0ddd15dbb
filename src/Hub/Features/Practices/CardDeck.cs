using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Microsolidarity.Hub.Features.Practices;

public enum CardKind
{
    Starter,
    Mission,
    Activity,
    Blank,
}

/// <summary>One card: a stable id (links name it), its kind and its text (empty on a blank).</summary>
public sealed record Card(string Id, CardKind Kind, string Text)
{
    /// <summary>A kind's name in English, for the printed deck, whose cards are in English.</summary>
    public static string KindName(CardKind kind) => kind switch
    {
        CardKind.Starter => "Conversation starter",
        CardKind.Mission => "Mission",
        CardKind.Activity => "Activity",
        CardKind.Blank => "Your own",
        _ => kind.ToString(),
    };

    /// <summary>A kind's name in the page's language.</summary>
    public static string KindName(CardKind kind, Microsoft.Extensions.Localization.IStringLocalizer strings) => strings[$"Practices.CardKind.{kind}"];

    /// <summary>What a kind of card asks for, in the page's language.</summary>
    public static string KindHint(CardKind kind, Microsoft.Extensions.Localization.IStringLocalizer strings) => strings[$"Practices.CardHint.{kind}"];
}

/// <summary>
/// The hub's card deck (Features/Practices/Cards/cards.yaml, embedded), read once at start. A card is
/// drawn on the server, so "Draw a card" is a link that works without JavaScript.
/// </summary>
public sealed class CardDeck
{
    public IReadOnlyList<Card> All { get; }
    private readonly Dictionary<string, Card> byId;

    public CardDeck() : this(ReadFile())
    {
    }

    public CardDeck(string yaml)
    {
        var rows = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<List<Row>>(yaml) ?? [];
        var cards = new List<Card>();
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Id) || !Enum.TryParse<CardKind>(row.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new InvalidOperationException($"cards.yaml: the card “{row.Id}” needs an id and a kind (starter, mission, activity or blank).");
            }
            var text = (row.Text ?? "").Trim();
            if ((kind == CardKind.Blank) != (text == ""))
            {
                throw new InvalidOperationException($"cards.yaml: the card “{row.Id}” needs a text, unless it is a blank (and a blank has none).");
            }
            cards.Add(new Card(row.Id.Trim(), kind, text));
        }
        All = cards;
        byId = cards.ToDictionary(c => c.Id);
    }

    /// <summary>The cards that can be drawn: every card with a text.</summary>
    public IEnumerable<Card> Drawable => All.Where(c => c.Kind != CardKind.Blank);

    public Card? Find(string? id) => id is null ? null : byId.GetValueOrDefault(id);

    /// <summary>A card at random, never the one just shown (so "draw another" always changes it).</summary>
    public static T Draw<T>(IReadOnlyList<T> cards, Func<T, bool> isCurrent) where T : class
    {
        var others = cards.Where(c => !isCurrent(c)).ToList();
        var from = others.Count > 0 ? others : [.. cards];
        return from[Random.Shared.Next(from.Count)];
    }

    private static string ReadFile()
    {
        using var stream = typeof(CardDeck).Assembly.GetManifestResourceStream("practices/cards.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class Row
    {
        public string? Id { get; set; }
        public string? Kind { get; set; }
        public string? Text { get; set; }
    }
}
