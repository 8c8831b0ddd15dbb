using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

public static class PeopleFeature
{
    /// <summary>Reflection prompts from the practice: interior curiosity about one's own feelings, needs and stories.</summary>
    public static readonly string[] Prompts =
    [
        "What am I feeling right now?",
        "What do I need?",
        "What am I avoiding?",
        "What is my learning edge?",
        "Which part of me spoke loudest today, and what did it want?",
        "Where did I notice a habit of domination, or of partnership?",
    ];

    /// <summary>
    /// A prompt in the reader's language. An entry keeps its prompt in English (the form's value, whatever the page's
    /// language), so the journal says it again in each reader's words; a practice's own question stays as written.
    /// </summary>
    public static string SayPrompt(IStringLocalizer strings, string prompt) =>
        Array.IndexOf(Prompts, prompt) is var i and >= 0 ? strings[$"People.Prompt.{i}"] : prompt;

    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProfileVisibility>();
        builder.Services.AddScoped<SaveProfile>();
        builder.Services.AddScoped<SaveTimeZone>();
        builder.Services.AddScoped<SetProfilePhoto>();
        builder.Services.AddSingleton<PhotoUploadThrottle>();
        builder.Services.AddScoped<WriteJournalEntry>();
        builder.Services.AddScoped<IPersonalData, PeoplePersonalData>();
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        // The person picker's search as you type: members only, and only people they share a congregation
        // with; a visitor gets an empty list. Private: the answer depends on who asks.
        app.MapGet("/people/pick", async (string? q, ClaimsPrincipal user, PeopleToPick people, HttpContext context, CancellationToken cancellationToken) =>
        {
            var me = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var found = await people.ListAsync(me, q, 20, cancellationToken);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Json(found.Select(p => new { name = p.Name, value = p.Value, congregations = p.Congregations, photo = p.PhotoUrl }));
        });
        return app;
    }
}
