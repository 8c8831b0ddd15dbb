using System.Globalization;
using Microsolidarity.Hub.Platform.Localization;
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
    /// <summary>A kind's name in English, for the English sheet (<see cref="ExportCardsPdf.Compose(IEnumerable{Card}, string)"/>).</summary>
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
/// The hub's card deck (Features/Practices/Cards/cards.yaml, embedded), read once at start, with its translations
/// (cards.&lt;language&gt;.yaml: the same ids and kinds, only the texts differ). <see cref="All"/> and <see cref="Find"/>
/// answer in the reader's language, English for a card not translated. A card is drawn on the server, so
/// "Draw a card" is a link that works without JavaScript.
/// </summary>
public sealed class CardDeck
{
    private readonly IReadOnlyList<Card> english;
    private readonly Dictionary<string, (IReadOnlyList<Card> All, Dictionary<string, Card> ById)> translated = [];

    /// <summary>The deck in the reader's language.</summary>
    public IReadOnlyList<Card> All => Current().All;

    /// <summary>The deck as written in English.</summary>
    public IReadOnlyList<Card> English => english;

    /// <param name="pseudo">Also make the pseudo-locale's deck, every text marked as <see cref="PseudoText"/> does (Localization:Pseudo).</param>
    public CardDeck(bool pseudo = false) : this(ReadFile("practices/cards.yaml"), ReadTranslations(), pseudo)
    {
    }

    public CardDeck(string yaml) : this(yaml, [], false)
    {
    }

    public CardDeck(string yaml, IEnumerable<(string Language, string Yaml)> translations, bool pseudo)
    {
        english = Parse(yaml, "cards.yaml");
        var byId = english.ToDictionary(c => c.Id);
        var problems = new List<string>();
        foreach (var (language, text) in translations)
        {
            var cards = Parse(text, $"cards.{language}.yaml");
            problems.AddRange(ShapeDifferences(english, cards).Select(d => $"cards.{language}.yaml: {d}"));
            Add(language, cards);
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The card deck has problems:\n" + string.Join("\n", problems));
        }
        if (pseudo)
        {
            Add(Languages.Pseudo, [.. english.Select(c => c.Text.Length == 0 ? c : c with { Text = PseudoText.From(c.Text) })]);
        }
        translated[Languages.English] = (english, byId);
    }

    /// <summary>Where a translated deck differs from the English one other than in its words: a card missing, added, or of another kind.</summary>
    public static IEnumerable<string> ShapeDifferences(IReadOnlyList<Card> original, IReadOnlyList<Card> translation)
    {
        var theirs = translation.ToDictionary(c => c.Id);
        foreach (var card in original)
        {
            if (!theirs.TryGetValue(card.Id, out var translated))
            {
                yield return $"the card “{card.Id}” is missing.";
            }
            else if (translated.Kind != card.Kind)
            {
                yield return $"the card “{card.Id}” is a {translated.Kind.ToString().ToLowerInvariant()}, in English a {card.Kind.ToString().ToLowerInvariant()}.";
            }
        }
        foreach (var card in translation.Where(c => !original.Any(o => o.Id == c.Id)))
        {
            yield return $"the card “{card.Id}” is not in the English deck.";
        }
    }

    /// <summary>Every embedded translation of the deck: its language and its text.</summary>
    public static IEnumerable<(string Language, string Yaml)> ReadTranslations() =>
        typeof(CardDeck).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("practices/cards.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal) && n != "practices/cards.yaml")
            .Order().Select(n => (n["practices/cards.".Length..^".yaml".Length], ReadFile(n)));

    /// <summary>The cards that can be drawn: every card with a text.</summary>
    public IEnumerable<Card> Drawable => All.Where(c => c.Kind != CardKind.Blank);

    public Card? Find(string? id) => id is null ? null : Current().ById.GetValueOrDefault(id);

    private (IReadOnlyList<Card> All, Dictionary<string, Card> ById) Current() =>
        translated.TryGetValue(Languages.Normalize(CultureInfo.CurrentUICulture.Name, pseudo: true) ?? Languages.English, out var found)
            ? found : translated[Languages.English];

    private void Add(string language, IReadOnlyList<Card> cards)
    {
        // In the English deck's order, an untranslated card in English, so the printed sheet and "draw" see the same deck.
        var byId = cards.ToDictionary(c => c.Id);
        var all = english.Select(c => byId.GetValueOrDefault(c.Id) ?? c).ToList();
        translated[language] = (all, all.ToDictionary(c => c.Id));
    }

    private static List<Card> Parse(string yaml, string file)
    {
        var rows = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<List<Row>>(yaml) ?? [];
        var cards = new List<Card>();
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Id) || !Enum.TryParse<CardKind>(row.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new InvalidOperationException($"{file}: the card “{row.Id}” needs an id and a kind (starter, mission, activity or blank).");
            }
            var text = (row.Text ?? "").Trim();
            if ((kind == CardKind.Blank) != (text == ""))
            {
                throw new InvalidOperationException($"{file}: the card “{row.Id}” needs a text, unless it is a blank (and a blank has none).");
            }
            cards.Add(new Card(row.Id.Trim(), kind, text));
        }
        if (cards.Select(c => c.Id).Distinct().Count() != cards.Count)
        {
            throw new InvalidOperationException($"{file}: two cards have the same id.");
        }
        return cards;
    }

    /// <summary>A card at random, never the one just shown (so "draw another" always changes it).</summary>
    public static T Draw<T>(IReadOnlyList<T> cards, Func<T, bool> isCurrent) where T : class
    {
        var others = cards.Where(c => !isCurrent(c)).ToList();
        var from = others.Count > 0 ? others : [.. cards];
        return from[Random.Shared.Next(from.Count)];
    }

    private static string ReadFile(string name)
    {
        using var stream = typeof(CardDeck).Assembly.GetManifestResourceStream(name)!;
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
