using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts say what the congregation's levels are called, what each means, and what it lets a member do (invite
/// people, put on events without waiting for a host). Every congregation starts with Friends and Partners.
/// </summary>
public sealed class EditLevels(HubDbContext db)
{
    public const int MaxLevels = 6;
    public const int MaxName = 60;
    public const int MaxDescription = 2000;

    public sealed record LevelInput(string? Name, string? Description, bool CanInvite, bool CanHostEvents);

    /// <summary>The two levels a new congregation starts with, in the practice's words: Friends, and Partners who tend the whole.</summary>
    public static MembershipLevel[] Defaults(Guid congregationId) =>
    [
        new() { Id = Guid.NewGuid(), CongregationId = congregationId, Name = "Friend", Rank = 0,
            Description = "Takes part as themselves: comes to gatherings, joins crews and calls. Coming to a gathering is how one becomes a Friend, and staying one for good is fine." },
        new() { Id = Guid.NewGuid(), CongregationId = congregationId, Name = "Partner", Rank = 1, CanInvite = true,
            Description = "Has chosen more commitment: co-leads, tends the whole congregation, and decides with the other Partners whom to invite. Friends are invited to become Partners, usually at a gathering." },
    ];

    public async Task<Outcome> SaveAsync(CongregationView view, Guid levelId, LevelInput input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts change the levels.");
        }
        var level = await db.MembershipLevels.SingleOrDefaultAsync(l => l.Id == levelId && l.CongregationId == view.Congregation.Id, cancellationToken);
        if (level is null)
        {
            return Outcome.Refused("That level does not belong to this congregation.");
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
            return Outcome.Refused("Only hosts change the levels.");
        }
        var ranks = await db.MembershipLevels.Where(l => l.CongregationId == view.Congregation.Id).Select(l => l.Rank).ToListAsync(cancellationToken);
        if (ranks.Count >= MaxLevels)
        {
            return Outcome.Refused($"A congregation keeps at most {MaxLevels} levels: a short path is easier to walk. Rename or describe one instead.", "NewName");
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
            return Outcome.Refused("Give the level a name, such as Friend or Partner.", nameField);
        }
        if (name.Length > MaxName)
        {
            return Outcome.Refused($"Keep the name under {MaxName} characters; the description holds the rest.", nameField);
        }
        if ((input.Description ?? "").Trim().Length > MaxDescription)
        {
            return Outcome.Refused($"Keep the description under {MaxDescription} characters.", nameField == "Name" ? "Description" : "NewDescription");
        }
        var names = await db.MembershipLevels.Where(l => l.CongregationId == view.Congregation.Id && l.Id != levelId).Select(l => l.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ? Outcome.Refused($"{view.Congregation.Name} has a level called {name} already.", nameField)
            : null;
    }
}
