using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// A congregation's register of responsibilities: who holds what (its gatherings, chat, money, newsletter, welcome,
/// accounts elsewhere), until when, and the hand-overs between people. Taken on by invitation, never assigned.
/// </summary>
public static class ResponsibilitiesFeature
{
    public static WebApplicationBuilder AddResponsibilities(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveResponsibility>();
        builder.Services.AddScoped<RetireResponsibility>();
        builder.Services.AddScoped<OfferResponsibility>();
        builder.Services.AddScoped<AnswerResponsibilityOffer>();
        builder.Services.AddScoped<StepDownFromResponsibility>();
        builder.Services.AddScoped<ResponsibilityReviews>();
        builder.Services.AddScoped<IPersonalData, ResponsibilityPersonalData>();
        builder.Services.AddHostedService<ResponsibilityReviewJob>();
        return builder;
    }

    /// <summary>The register's address; <paramref name="anchor"/> without '#'.</summary>
    public static string PathOf(string slug, string anchor = "") => $"/congregations/{slug}/responsibilities" + (anchor == "" ? "" : "#" + anchor);

    /// <summary>Common responsibilities of a congregation, offered with one click while the register is empty.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Suggestions =
    [
        ("Hosting the gatherings", "Finds a place and a date, invites everyone, and holds the gathering together with a co-host."),
        ("The chat", "Keeps the congregation's chat warm and easy to find: lets new people in, tidies the channels, answers questions about it."),
        ("The money", "Keeps the common pot: receives contributions, pays what was agreed, and shows everyone where it stands."),
        ("The newsletter", "Gathers news from crews and working groups and sends the newsletter out."),
        ("Welcoming newcomers", "Answers requests to join, meets new people, and helps them find a crew."),
        ("Accounts elsewhere", "Keeps the list of the congregation's accounts on other sites (web address, bank, video calls, shared files) and who can get into each."),
    ];
}
