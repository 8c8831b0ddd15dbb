using Microsoft.AspNetCore.WebUtilities;
using Microsolidarity.Hub.Platform.Files;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// The practice library (/practices) and the card deck (/practices/cards): practices and cards are files
/// in the repository, read once at start; the site-wide search finds practices.
/// </summary>
public static class PracticesFeature
{
    public static WebApplicationBuilder AddPractices(this WebApplicationBuilder builder)
    {
        // The files and their translations (DI would pick the constructor that takes a list); the pseudo-locale's marked copy only where it exists.
        var pseudo = builder.Configuration.GetValue("Localization:Pseudo", false);
        builder.Services.AddSingleton(_ => new PracticeLibrary(pseudo));
        builder.Services.AddSingleton(_ => new CardDeck(pseudo));
        builder.Services.AddScoped<ReadPractices>();
        builder.Services.AddScoped<ExportCardsPdf>();
        builder.Services.AddScoped<SavePractice>();
        builder.Services.AddScoped<OwnCards>();
        builder.Services.AddScoped<AddOwnCard>();
        builder.Services.AddScoped<EditOwnCard>();
        builder.Services.AddScoped<MoveOwnCard>();
        builder.Services.AddScoped<RemoveOwnCard>();
        builder.Services.AddScoped<Platform.Contracts.IPersonalData, OwnCardPersonalData>();
        builder.Services.AddScoped<Platform.Contracts.IPersonalData, PracticePersonalData>();
        builder.Services.AddScoped<Platform.Contracts.ISiteSearchSource, PracticeSearchSource>();
        builder.Services.AddOptions<CardsPdfOptions>().Bind(builder.Configuration.GetSection("Handbook"));
        return builder;
    }

    public static WebApplication MapPractices(this WebApplication app)
    {
        // Read the files now: a broken practice file stops the start with its problems, not a visitor's request.
        _ = app.Services.GetRequiredService<PracticeLibrary>();
        _ = app.Services.GetRequiredService<CardDeck>();

        // "Draw a card" is a link: a card is chosen here and the person goes back to the page they came from.
        app.MapGet("/practices/cards/draw", async (string? back, string? current, string? from, CardDeck deck, OwnCards own, HttpContext http) =>
        {
            // A group's own cards join the deck for the people who may see them; anyone else draws from the deck alone.
            var pool = deck.Drawable.ToList();
            if (CardOwner.Parse(from) is { } owner && await own.MaySeeAsync(owner, http.User, http.RequestAborted))
            {
                pool.AddRange((await own.OfAsync(owner, http.RequestAborted)).Select(c => c.Card));
            }
            var card = CardDeck.Draw(pool, c => c.Id == current);
            back = back?.Split('#')[0];
            var to = back is { Length: > 0 and < 2000 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal)
                ? back : "/practices/cards";
            return Results.Redirect(QueryHelpers.AddQueryString(to, "card", card.Id) + "#drawn-card");
        });
        app.MapGet("/practices/cards.pdf", async (ExportCardsPdf export, IFileStore files, CancellationToken cancel) =>
        {
            var (file, failure) = await export.RunAsync(cancel);
            return file is null
                ? Results.Problem(failure, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The card deck could not be printed just now.")
                : await StoredFiles.ServeAsync(files, file, "application/pdf", cancel, "practice-cards.pdf");
        });
        return app;
    }
}
