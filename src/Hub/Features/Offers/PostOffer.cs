using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>A member posts what they offer or need, to the hub's members or to one of their congregations, until a day they choose.</summary>
public sealed class PostOffer(HubDbContext db, TimeProvider time)
{
    /// <summary>How far ahead a post may run: long enough to be found, short enough to stay true.</summary>
    public const int MaxDays = 180;

    public sealed record Input(OfferPostKind Kind, OfferCategory Category, string Title, string Details, string Skills, string Place, bool Online,
        DateOnly? ExpiresOn, Guid? CongregationId);

    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(string userId, Input input, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(string, string)> problems = [.. Problems(input, zone, now)];
        if (input.CongregationId is { } congregation
            && !await db.Memberships.AnyAsync(m => m.CongregationId == congregation && m.UserId == userId, cancellationToken))
        {
            problems.Add(("CongregationId", "Choose the whole hub or a congregation you belong to."));
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
    public static (string Field, string Message)? ExpiryProblem(DateOnly? day, DateTimeZone zone, DateTime nowUtc)
    {
        if (day is not { } d)
        {
            return ("ExpiresOn", "Choose the last day your post stays up, such as a month from now.");
        }
        // Compared as dates first: the end of a day near the calendar's last year cannot be computed at all.
        if (d > DateOnly.FromDateTime(nowUtc).AddDays(MaxDays + 2))
        {
            return ("ExpiresOn", $"Choose a day within {MaxDays} days; you can renew the post when it ends.");
        }
        var ends = EndOf(d, zone);
        if (ends <= nowUtc)
        {
            return ("ExpiresOn", "Choose a day from today on: a post that has already ended would not be seen.");
        }
        return ends > nowUtc.AddDays(MaxDays + 1)
            ? ("ExpiresOn", $"Choose a day within {MaxDays} days; you can renew the post when it ends.")
            : null;
    }

    public static IReadOnlyList<(string Field, string Message)> Problems(Input input, DateTimeZone zone, DateTime nowUtc)
    {
        List<(string, string)> problems = [];
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(("Kind", "Say whether you offer something or ask for it."));
        }
        if (!Enum.IsDefined(input.Category))
        {
            problems.Add(("Category", "Choose what it is: a skill, time, tools, space, a work lead or something else."));
        }
        var title = input.Title.Trim();
        if (title.Length == 0)
        {
            problems.Add(("Title", "Say in a line what you offer or need, such as “Help with a funding application”."));
        }
        else if (title.Length > OfferLimits.Title)
        {
            problems.Add(("Title", $"Keep the line under {OfferLimits.Title} characters; the details below have room for the rest."));
        }
        if (input.Details.Trim().Length > OfferLimits.Details)
        {
            problems.Add(("Details", $"Keep the details under {OfferLimits.Details:N0} characters."));
        }
        if (input.Skills.Length > OfferLimits.Skills)
        {
            problems.Add(("Skills", $"Keep the skills under {OfferLimits.Skills} characters: a few words, separated by commas."));
        }
        if (input.Place.Trim().Length > OfferLimits.Place)
        {
            problems.Add(("Place", $"Keep the place under {OfferLimits.Place} characters: a town or a neighbourhood is enough."));
        }
        if (ExpiryProblem(input.ExpiresOn, zone, nowUtc) is { } expiry)
        {
            problems.Add(expiry);
        }
        return problems;
    }
}
