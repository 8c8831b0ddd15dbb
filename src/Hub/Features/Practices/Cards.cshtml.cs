using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/practices/cards: the whole deck by kind, a card to draw, and the deck to print. Public.</summary>
public sealed class CardsModel(CardDeck deck) : PageModel
{
    public IReadOnlyList<IGrouping<CardKind, Card>> ByKind { get; private set; } = [];
    public int Count { get; private set; }

    public void OnGet()
    {
        ByKind = [.. deck.All.GroupBy(c => c.Kind).OrderBy(g => g.Key)];
        Count = deck.Drawable.Count();
    }
}
