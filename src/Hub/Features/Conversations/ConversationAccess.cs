using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

public enum ConversationSpaceKind { Congregation, Crew, Dyad, WorkingGroup, NetworkHosts }

/// <summary>
/// Where a conversation happens, as one person stands in it: a congregation (its members talk; its hosts may close
/// or hide a thread), one of its working groups (the group's members only, who each may close a thread, as in a
/// crew), a crew (its joined members only) or a dyad (the pair only). Nobody else, administrators included, is given
/// a space: a group's, a crew's or a pair's words are theirs. The network's hosts (everyone who hosts a congregation on
/// this hub, and its administrators, who tend that space as a congregation's hosts tend theirs) have one more.
/// </summary>
public sealed record ConversationSpace(ConversationSpaceKind Kind, Guid Id, string Name, string BasePath, string? UserId, bool IsMember, bool IsHost)
{
    /// <summary>Set for a congregation's space when it came from a page, for its navigation.</summary>
    public CongregationView? Congregation { get; init; }

    /// <summary>
    /// Who may close a thread: a congregation's hosts; in a crew or a pair every member, because hosting rotates
    /// there and nobody stands above the others.
    /// </summary>
    public bool CanClose => IsMember && (Kind is not (ConversationSpaceKind.Congregation or ConversationSpaceKind.NetworkHosts) || IsHost);

    /// <summary>
    /// Hiding is a congregation's hosts' alone: in a crew or a pair everyone who could hide a thread would still
    /// see it, so hiding would hide it from nobody.
    /// </summary>
    public bool CanHide => IsMember && IsHost && Kind is ConversationSpaceKind.Congregation or ConversationSpaceKind.NetworkHosts;

    /// <summary>"the members of Riverside", "the crew Thursday mornings", "the two of you", in the reader's language.</summary>
    public string MembersIn(IStringLocalizer<Strings> strings) => Kind switch
    {
        ConversationSpaceKind.Congregation => strings["Conversations.Members.Congregation", Name].Value,
        ConversationSpaceKind.Crew => strings["Conversations.Members.Crew", Name].Value,
        ConversationSpaceKind.WorkingGroup => strings["Conversations.Members.WorkingGroup", Name].Value,
        ConversationSpaceKind.NetworkHosts => strings["Conversations.Members.NetworkHosts"].Value,
        _ => strings["Conversations.Members.Dyad"].Value,
    };

    public string PathOf(Guid threadId) => $"{BasePath}/{threadId}";

    public IQueryable<ConversationThread> Threads(HubDbContext db) => Kind switch
    {
        ConversationSpaceKind.Congregation => db.ConversationThreads.Where(t => t.CongregationId == Id),
        ConversationSpaceKind.Crew => db.ConversationThreads.Where(t => t.CrewId == Id),
        ConversationSpaceKind.WorkingGroup => db.ConversationThreads.Where(t => t.WorkingGroupId == Id),
        ConversationSpaceKind.NetworkHosts => db.ConversationThreads.Where(t => t.ForNetworkHosts),
        _ => db.ConversationThreads.Where(t => t.DyadId == Id),
    };

    /// <summary>Everyone in the space, with the names a mention is written with.</summary>
    public async Task<List<(string UserId, string Name)>> MembersAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var ids = Kind switch
        {
            ConversationSpaceKind.Congregation => await db.Memberships.Where(m => m.CongregationId == Id).Select(m => m.UserId).ToListAsync(cancellationToken),
            ConversationSpaceKind.Crew => await db.CrewMembers.Where(m => m.CrewId == Id && m.Status == CrewMemberStatus.Joined).Select(m => m.UserId).ToListAsync(cancellationToken),
            ConversationSpaceKind.WorkingGroup => await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == Id).Select(m => m.UserId).ToListAsync(cancellationToken),
            ConversationSpaceKind.NetworkHosts => await NetworkHosts.Everyone(db).ToListAsync(cancellationToken),
            _ => await PairAsync(db, cancellationToken),
        };
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.DisplayName))];
    }

    private async Task<List<string>> PairAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var pair = await db.Dyads.Where(d => d.Id == Id).Select(d => new { d.ProposerUserId, d.PartnerUserId }).SingleAsync(cancellationToken);
        return [pair.ProposerUserId, pair.PartnerUserId];
    }
}

/// <summary>Loads spaces for a viewer; null means the space is not there for them.</summary>
public sealed class ConversationAccess(HubDbContext db, CongregationAccess congregations, IStringLocalizer<Strings> strings, SharedReadCache reads)
{
    public async Task<ConversationSpace?> ForCongregationAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await congregations.LoadAsync(slug, user, cancellationToken);
        return view is null ? null
            : new ConversationSpace(ConversationSpaceKind.Congregation, view.Congregation.Id, view.Congregation.Name, $"/congregations/{view.Congregation.Slug}/conversations",
                view.UserId, view.IsMember, view.Membership?.IsHost == true)
            {
                Congregation = view,
            };
    }

    /// <summary>
    /// A working group's space: its congregation's members (and administrators) learn that it is there, and only the
    /// group's members are in it. Null when the congregation or the group is not there for this person.
    /// </summary>
    public async Task<ConversationSpace?> ForWorkingGroupAsync(string slug, Guid groupId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await congregations.LoadAsync(slug, user, cancellationToken);
        if (view is null)
        {
            return null;
        }
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == groupId && g.CongregationId == view.Congregation.Id)
            .Select(g => new { g.Name, IsIn = view.UserId != null && g.Members.Any(m => m.UserId == view.UserId) }).SingleOrDefaultAsync(cancellationToken);
        return group is null ? null
            : new ConversationSpace(ConversationSpaceKind.WorkingGroup, groupId, group.Name,
                $"/congregations/{view.Congregation.Slug}/working-groups/{groupId}/conversations", view.UserId, group.IsIn, IsHost: group.IsIn)
            {
                Congregation = view,
            };
    }

    /// <summary>
    /// The network's hosts' space. Everyone signed in learns that it is there (null only for a visitor); only those
    /// who host a congregation, or administer the hub, are in it, and the administrators close and hide its threads.
    /// </summary>
    public async Task<ConversationSpace?> ForNetworkHostsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return null;
        }
        var isAdmin = user.IsInRole(HubRoles.Admin);
        var isIn = isAdmin || await db.Memberships.AnyAsync(m => m.UserId == userId && m.IsHost, cancellationToken);
        return NetworkHosts.Space(strings, userId, isIn, isAdmin);
    }

    public Task<ConversationSpace?> ForCrewAsync(Guid crewId, string? userId, CancellationToken cancellationToken = default) =>
        ForCrewOrDyadAsync(ConversationSpaceKind.Crew, crewId, userId, cancellationToken);

    public Task<ConversationSpace?> ForDyadAsync(Guid dyadId, string? userId, CancellationToken cancellationToken = default) =>
        ForCrewOrDyadAsync(ConversationSpaceKind.Dyad, dyadId, userId, cancellationToken);

    /// <summary>The space a thread belongs to, for one person (a reply by email): null when they are not in it.</summary>
    public async Task<ConversationSpace?> ForThreadAsync(Guid threadId, string userId, CancellationToken cancellationToken = default)
    {
        var thread = await db.ConversationThreads.AsNoTracking().Where(t => t.Id == threadId)
            .Select(t => new { t.CongregationId, t.CrewId, t.DyadId, t.WorkingGroupId, t.ForNetworkHosts }).SingleOrDefaultAsync(cancellationToken);
        if (thread?.WorkingGroupId is { } groupId)
        {
            var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == groupId && g.Members.Any(m => m.UserId == userId))
                .Select(g => new { g.Name, Slug = db.Congregations.Where(c => c.Id == g.CongregationId).Select(c => c.Slug).Single() }).SingleOrDefaultAsync(cancellationToken);
            return group is null ? null : new ConversationSpace(ConversationSpaceKind.WorkingGroup, groupId, group.Name,
                $"/congregations/{group.Slug}/working-groups/{groupId}/conversations", userId, IsMember: true, IsHost: true);
        }
        if (thread?.ForNetworkHosts == true)
        {
            var isAdmin = await NetworkHosts.Administrators(db).AnyAsync(a => a == userId, cancellationToken);
            var isIn = isAdmin || await db.Memberships.AnyAsync(m => m.UserId == userId && m.IsHost, cancellationToken);
            return isIn ? NetworkHosts.Space(strings, userId, isIn, isAdmin) : null;
        }
        if (thread?.CongregationId is { } congregationId)
        {
            var congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId).Select(c => new { c.Name, c.Slug }).SingleAsync(cancellationToken);
            var membership = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == congregationId && m.UserId == userId)
                .Select(m => new { m.IsHost }).SingleOrDefaultAsync(cancellationToken);
            return membership is null ? null : new ConversationSpace(ConversationSpaceKind.Congregation, congregationId, congregation.Name,
                $"/congregations/{congregation.Slug}/conversations", userId, IsMember: true, membership.IsHost);
        }
        return thread?.CrewId is { } crewId ? await ForCrewAsync(crewId, userId, cancellationToken)
            : thread?.DyadId is { } dyadId ? await ForDyadAsync(dyadId, userId, cancellationToken)
            : null;
    }

    private async Task<ConversationSpace?> ForCrewOrDyadAsync(ConversationSpaceKind kind, Guid id, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }
        if (kind == ConversationSpaceKind.Crew)
        {
            var name = await db.Crews.AsNoTracking()
                .Where(c => c.Id == id && c.Members.Any(m => m.UserId == userId && m.Status == CrewMemberStatus.Joined))
                .Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
            return name is null ? null : new ConversationSpace(kind, id, name, $"/crews/{id}/conversations", userId, IsMember: true, IsHost: true);
        }
        // The pair once it has begun (or ended, for its history): a proposal not yet accepted, or declined, has no space.
        var dyad = await db.Dyads.AsNoTracking()
            .Where(d => d.Id == id && (d.ProposerUserId == userId || d.PartnerUserId == userId) && (d.Status == DyadStatus.Active || d.Status == DyadStatus.Ended))
            .Select(d => new { Other = d.ProposerUserId == userId ? d.PartnerUserId : d.ProposerUserId }).SingleOrDefaultAsync(cancellationToken);
        if (dyad is null)
        {
            return null;
        }
        var other = await db.Users.AsNoTracking().Where(u => u.Id == dyad.Other).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? strings["Conversations.SomeoneWhoLeftLower"].Value;
        return new ConversationSpace(kind, id, strings["Conversations.Dyad.Name", other], $"/dyads/{id}/conversations", userId, IsMember: true, IsHost: true);
    }

    /// <summary>
    /// One thread with its posts, oldest first; a hidden thread only for those who may hide (hosts). The thread as read
    /// is the same for every member of the space, so it is kept per thread in the shared reads (region
    /// <see cref="SharedReadCache.Conversations"/>: emptied on every node when a thread, post, reaction or account is
    /// saved), after the space has let this person in.
    /// </summary>
    public async Task<ConversationThreadView?> LoadAsync(ConversationSpace space, Guid threadId, CancellationToken cancellationToken = default)
    {
        if (!space.IsMember)
        {
            return null;
        }
        var kept = await reads.GetOrLoadAsync(SharedReadCache.Conversations, $"thread:{space.Kind}:{space.Id}:{threadId}", () => ReadAsync(space, threadId, cancellationToken));
        return kept is null || (kept.Thread.HiddenAt is not null && !space.CanHide) ? null : new ConversationThreadView(space, kept);
    }

    private async Task<KeptThread?> ReadAsync(ConversationSpace space, Guid threadId, CancellationToken cancellationToken)
    {
        var thread = await space.Threads(db).AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return null;
        }
        // Only what the page shows: names, not whole accounts.
        var posts = await db.ConversationPosts.AsNoTracking().AsSplitQuery().Where(p => p.ThreadId == threadId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new KeptPost(p.Id, p.AuthorUserId, p.Author == null ? null : p.Author.DisplayName, p.Text, p.CreatedAt, p.EditedAt, p.DeletedAt,
                p.Versions.OrderByDescending(v => v.WrittenAt).Select(v => new KeptVersion(v.Text, v.WrittenAt, v.ReplacedAt)).ToList(),
                p.Reactions.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new KeptReaction(r.Kind, r.UserId, r.User.DisplayName)).ToList()))
            .ToListAsync(cancellationToken);
        var moderator = thread.ModeratedByUserId is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) : null;
        return new KeptThread(thread, posts, moderator);
    }
}

/// <summary>A post as every member of its space sees it; shared between requests, never changed.</summary>
public sealed record KeptPost(Guid Id, string? AuthorUserId, string? AuthorName, string Text, DateTime CreatedAt, DateTime? EditedAt, DateTime? DeletedAt,
    IReadOnlyList<KeptVersion> Versions, IReadOnlyList<KeptReaction> Reactions)
{
    public bool ReactedBy(string? userId) => userId is not null && Reactions.Any(r => r.UserId == userId);
}

/// <summary>An earlier text of an edited post.</summary>
public sealed record KeptVersion(string Text, DateTime WrittenAt, DateTime ReplacedAt);

/// <summary>A reaction and who gave it, in the order they were given.</summary>
public sealed record KeptReaction(ConversationReactionKind Kind, string UserId, string? Name);

/// <summary>
/// A thread as read for every member of its space, with its posts' shared HTML once rendered per language and zone
/// (<see cref="ConversationThreadHtml"/>); dropped with the entry that keeps it.
/// </summary>
public sealed class KeptThread(ConversationThread thread, IReadOnlyList<KeptPost> posts, string? moderatorName)
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<ConversationThreadHtml.Post>>> rendered = new();

    public ConversationThread Thread => thread;
    public IReadOnlyList<KeptPost> Posts => posts;
    public string? ModeratorName => moderatorName;

    /// <summary>The posts' HTML for one language and zone: rendered by the first request that needs it, which the others at that moment wait for.</summary>
    public IReadOnlyList<ConversationThreadHtml.Post> Rendered(string key, Func<IReadOnlyList<ConversationThreadHtml.Post>> render) =>
        rendered.GetOrAdd(key, _ => new Lazy<IReadOnlyList<ConversationThreadHtml.Post>>(render, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>A thread as one member sees it.</summary>
public sealed record ConversationThreadView(ConversationSpace Space, KeptThread Kept)
{
    public ConversationThread Thread => Kept.Thread;
    public IReadOnlyList<KeptPost> Posts => Kept.Posts;
    public string? ModeratorName => Kept.ModeratorName;

    /// <summary>New posts: members, while the thread is neither closed nor hidden.</summary>
    public bool CanPost => Space.IsMember && Thread.ClosedAt is null && Thread.HiddenAt is null;

    public bool IsMine(KeptPost post) => post.AuthorUserId is not null && post.AuthorUserId == Space.UserId;
}

/// <summary>Who the network's hosts are: the hosts of every congregation on this hub, and its administrators.</summary>
internal static class NetworkHosts
{
    public const string BasePath = "/network/conversations";

    public static IQueryable<string> Administrators(HubDbContext db) =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == HubRoles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);

    public static IQueryable<string> Everyone(HubDbContext db) =>
        db.Memberships.Where(m => m.IsHost).Select(m => m.UserId).Union(Administrators(db));

    /// <summary>The space's name is the hub's word, so it is said in the reader's (or an email's recipient's) language.</summary>
    public static ConversationSpace Space(IStringLocalizer<Strings> strings, string userId, bool isIn, bool isAdmin) =>
        new(ConversationSpaceKind.NetworkHosts, Guid.Empty, strings["Conversation.NetworkHosts"], BasePath, userId, isIn, IsHost: isAdmin);
}
