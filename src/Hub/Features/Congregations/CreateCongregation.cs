using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A host starts a congregation, with the default levels Friend and Partner, and hosts it.</summary>
public sealed class CreateCongregation(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <param name="Point">Where it shows on the network map; empty or null: not placed (the hosting page can place it later).</param>
    public sealed record Input(string Name, string Purpose, string Place, bool IsOnline, string Languages, MembershipPolicy Policy, string JoinQuestions,
        MapPlace.Input? Point = null);

    /// <summary>Words that are pages of their own under /congregations/.</summary>
    private static readonly HashSet<string> Reserved = ["new", "invitations", "map"];

    public async Task<(Outcome Outcome, string? Slug)> RunAsync(string userId, Input input, CancellationToken cancellationToken = default)
    {
        List<(string, string)> problems = [];
        if (!input.IsOnline && string.IsNullOrWhiteSpace(input.Place))
        {
            problems.Add((nameof(Input.Place), strings["Congregations.Refused.PlaceOrOnline"]));
        }
        var baseSlug = Slugs.From(input.Name);
        if (baseSlug.Length == 0)
        {
            problems.Add((nameof(Input.Name), strings["Congregations.Refused.NameLetters"]));
        }
        var point = input.Point is { IsEmpty: false } typed ? MapPlace.Read(typed, problems, strings) : null;
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, null);
        }
        var slug = baseSlug;
        for (var n = 2; Reserved.Contains(slug) || await db.Congregations.AnyAsync(c => c.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        var now = time.GetUtcNow().UtcDateTime;
        var congregation = new Congregation
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Name = input.Name.Trim(),
            Purpose = input.Purpose.Trim(),
            Place = input.IsOnline && string.IsNullOrWhiteSpace(input.Place) ? "" : input.Place.Trim(),
            IsOnline = input.IsOnline,
            Languages = input.Languages.Trim(),
            Policy = input.Policy,
            JoinQuestions = input.Policy == MembershipPolicy.Request ? input.JoinQuestions.Trim() : "",
            CreatedAt = now,
            Latitude = point?.Latitude,
            Longitude = point?.Longitude,
        };
        var levels = EditLevels.Defaults(congregation.Id, strings);
        var partner = levels[1];
        congregation.Levels.AddRange(levels);
        db.Congregations.Add(congregation);
        db.Memberships.Add(new Membership
        {
            Id = Guid.NewGuid(),
            CongregationId = congregation.Id,
            UserId = userId,
            LevelId = partner.Id,
            IsHost = true,
            JoinedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, slug);
    }
}
