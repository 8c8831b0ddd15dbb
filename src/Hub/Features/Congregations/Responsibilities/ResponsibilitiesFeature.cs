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

    /// <summary>
    /// Common responsibilities of a congregation, offered with one click while the register is empty: the keys of their
    /// name and description, written in the language of the host who adds one (the congregation's own words from then on).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Suggestions =
    [
        ("Congregations.Resp.Suggest.Gatherings", "Congregations.Resp.Suggest.GatheringsMeans"),
        ("Congregations.Resp.Suggest.Chat", "Congregations.Resp.Suggest.ChatMeans"),
        ("Congregations.Resp.Suggest.Money", "Congregations.Resp.Suggest.MoneyMeans"),
        ("Congregations.Resp.Suggest.Newsletter", "Congregations.Resp.Suggest.NewsletterMeans"),
        ("Congregations.Resp.Suggest.Welcoming", "Congregations.Resp.Suggest.WelcomingMeans"),
        ("Congregations.Resp.Suggest.Accounts", "Congregations.Resp.Suggest.AccountsMeans"),
    ];
}
