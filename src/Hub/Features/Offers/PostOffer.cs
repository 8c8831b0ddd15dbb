using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>A member posts what they offer or need, to the hub's members or to one of their congregations, until a day they choose.</summary>
public sealed class PostOffer(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary>How far ahead a post may run: long enough to be found, short enough to stay true.</summary>
    public const int MaxDays = 180;

    public sealed record Input(OfferPostKind Kind, OfferCategory Category, string Title, string Details, string Skills, string Place, bool Online,
        DateOnly? ExpiresOn, Guid? CongregationId);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(string userId, Input input, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(string, string)> problems = [.. Problems(input, zone, now, strings)];
        if (input.CongregationId is { } congregation
            && !await db.Memberships.AnyAsync(m => m.CongregationId == congregation && m.UserId == userId, cancellationToken))
        {
            problems.Add(("CongregationId", strings["Offers.Problem.Congregation"].Value));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, null);
        }
        var post = new OfferPost
        {
            Id = Guid.NewGuid(),
            Kind = input.Kind,
            Category = input.Category,
            CongregationId = input.CongregationId,
            PosterUserId = userId,
            Title = input.Title.Trim(),
            Details = input.Details.Trim(),
            Skills = string.Join(", ", Tags.Split(input.Skills)),
            Place = input.Place.Trim(),
            Online = input.Online,
            ExpiresAt = EndOf(input.ExpiresOn!.Value, zone),
            CreatedAt = now,
        };
        db.OfferPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, post.Id);
    }

    /// <summary>A post runs to the end of its last day in the poster's zone.</summary>
    public static DateTime EndOf(DateOnly day, DateTimeZone zone) =>
        TimeZones.ToUtc(LocalDate.FromDateOnly(day).PlusDays(1).AtMidnight(), zone);

    /// <summary>The expiry's own checks, shared with renewing.</summary>
    public static (string Field, string Message)? ExpiryProblem(DateOnly? day, DateTimeZone zone, DateTime nowUtc, IStringLocalizer<Strings> strings)
    {
        if (day is not { } d)
        {
            return ("ExpiresOn", strings["Offers.Problem.ExpiresEmpty"].Value);
        }
        // Compared as dates first: the end of a day near the calendar's last year cannot be computed at all.
        if (d > DateOnly.FromDateTime(nowUtc).AddDays(MaxDays + 2))
        {
            return ("ExpiresOn", strings["Offers.Problem.ExpiresFar", MaxDays].Value);
        }
        var ends = EndOf(d, zone);
        if (ends <= nowUtc)
        {
            return ("ExpiresOn", strings["Offers.Problem.ExpiresPast"].Value);
        }
        return ends > nowUtc.AddDays(MaxDays + 1)
            ? ("ExpiresOn", strings["Offers.Problem.ExpiresFar", MaxDays].Value)
            : null;
    }

    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTimeZone zone, DateTime nowUtc, IStringLocalizer<Strings> strings)
    {
        List<(string, string)> problems = [];
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", strings["Offers.Problem.Kind"].Value));
        }
        if (!Enum.IsDefined(input.Category))
        {
            problems.Add(("Category", strings["Offers.Problem.Category"].Value));
        }
        var title = input.Title.Trim();
        if (title.Length == 0)
        {
            problems.Add(("Title", strings["Offers.Problem.TitleEmpty"].Value));
        }
        else if (title.Length > OfferLimits.Title)
        {
            problems.Add(("Title", strings["Offers.Problem.TitleLong", N(OfferLimits.Title)].Value));
        }
        if (input.Details.Trim().Length > OfferLimits.Details)
        {
            problems.Add(("Details", strings["Offers.Problem.DetailsLong", N(OfferLimits.Details)].Value));
        }
        if (input.Skills.Length > OfferLimits.Skills)
        {
            problems.Add(("Skills", strings["Offers.Problem.SkillsLong", N(OfferLimits.Skills)].Value));
        }
        if (input.Place.Trim().Length > OfferLimits.Place)
        {
            problems.Add(("Place", strings["Offers.Problem.PlaceLong", N(OfferLimits.Place)].Value));
        }
        if (ExpiryProblem(input.ExpiresOn, zone, nowUtc, strings) is { } expiry)
        {
            problems.Add(expiry);
        }
        return problems;
    }

    /// <summary>A number for a sentence, in the reader's language.</summary>
    private static string N(int value) => value.ToString("N0", DateFormats.Culture);
}
