using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>Offers and requests: members post what they offer and need, others answer privately to the poster.</summary>
public static class OffersFeature
{
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OfferNotices>();
        builder.Services.AddScoped<PostOffer>();
        builder.Services.AddScoped<AnswerOffer>();
        builder.Services.AddScoped<RenewOffer>();
        builder.Services.AddScoped<CloseOffer>();
        builder.Services.AddScoped<DeleteOffer>();
        builder.Services.AddScoped<IPersonalData, OfferPersonalData>();
        builder.Services.AddScoped<ISiteSearchSource, OfferSearchSource>();
        // The list has a second address in each congregation: the same page, for that congregation's posts
        // (/congregations/{slug}/offers is the hosts' invitations, so this one says both words).
        builder.Services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Features/Offers/Index", "congregations/{slug}/offers-and-requests"));
        return builder;
    }
}
