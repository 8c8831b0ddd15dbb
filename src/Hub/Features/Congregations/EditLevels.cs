using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts say what the congregation's levels are called, what each means, and what it lets a member do (invite
/// people, put on events without waiting for a host). Every congregation starts with Friends and Partners.
/// </summary>
public sealed class EditLevels(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public const int MaxLevels = 6;
    public const int MaxName = 60;
    public const int MaxDescription = 2000;

    public sealed record LevelInput(string? Name, string? Description, bool CanInvite, bool CanHostEvents);

    /// <summary>
    /// The two levels a new congregation starts with, in the practice's words: Friends, and Partners who tend the whole. They are
    /// written in the language of the host who creates it, and are the congregation's own words from then on.
    /// </summary>
    public static MembershipLevel[] Defaults(Guid congregationId, IStringLocalizer strings) =>
    [
        new() { Id = Guid.NewGuid(), CongregationId = congregationId, Name = strings["Congregations.Level.Friend"], Rank = 0,
            Description = strings["Congregations.Level.FriendMeans"] },
        new() { Id = Guid.NewGuid(), CongregationId = congregationId, Name = strings["Congregations.Level.Partner"], Rank = 1, CanInvite = true,
            Description = strings["Congregations.Level.PartnerMeans"] },
    ];

    public async Task<Outcome> SaveAsync(CongregationView view, Guid levelId, LevelInput input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelsOnlyHosts"]);
        }
        var level = await db.MembershipLevels.SingleOrDefaultAsync(l => l.Id == levelId && l.CongregationId == view.Congregation.Id, cancellationToken);
        if (level is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelNotHere"]);
        }
        if (await CheckAsync(view, input, levelId, cancellationToken) is { } refused)
        {
            return refused;
        }
        (level.Name, level.Description, level.CanInvite, level.CanHostEvents) = (input.Name!.Trim(), (input.Description ?? "").Trim(), input.CanInvite, input.CanHostEvents);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>A new level above the others: the path grows one step.</summary>
    public async Task<Outcome> AddAsync(CongregationView view, LevelInput input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelsOnlyHosts"]);
        }
        var ranks = await db.MembershipLevels.Where(l => l.CongregationId == view.Congregation.Id).Select(l => l.Rank).ToListAsync(cancellationToken);
        if (ranks.Count >= MaxLevels)
        {
            return Outcome.Refused(strings["Congregations.Refused.MaxLevels", MaxLevels], "NewName");
        }
        if (await CheckAsync(view, input, null, cancellationToken, "NewName") is { } refused)
        {
            return refused;
        }
        db.MembershipLevels.Add(new MembershipLevel
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            Name = input.Name!.Trim(),
            Description = (input.Description ?? "").Trim(),
            CanInvite = input.CanInvite,
            CanHostEvents = input.CanHostEvents,
            Rank = ranks.DefaultIfEmpty(-1).Max() + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<Outcome?> CheckAsync(CongregationView view, LevelInput input, Guid? levelId, CancellationToken cancellationToken, string nameField = "Name")
    {
        var name = input.Name?.Trim() ?? "";
        if (name == "")
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelName", strings["Congregations.Level.Friend"], strings["Congregations.Level.Partner"]], nameField);
        }
        if (name.Length > MaxName)
        {
            return Outcome.Refused(strings["Congregations.Refused.LevelNameLength", MaxName], nameField);
        }
        if ((input.Description ?? "").Trim().Length > MaxDescription)
        {
            return Outcome.Refused(strings["Congregations.Refused.DescriptionLength", MaxDescription], nameField == "Name" ? "Description" : "NewDescription");
        }
        var names = await db.MembershipLevels.Where(l => l.CongregationId == view.Congregation.Id && l.Id != levelId).Select(l => l.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ? Outcome.Refused(strings["Congregations.Refused.LevelNameTaken", view.Congregation.Name, name], nameField)
            : null;
    }
}
