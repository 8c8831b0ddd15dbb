using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>
/// One hub for the congregation matrix: its rows and the checks beside it only read (a host's action posted
/// by a member is refused), so they share it.
/// </summary>
public sealed class CongregationMatrixHub : IAsyncLifetime
{
    public HubFactory Hub { get; private set; } = null!;
    public Dictionary<string, FormClient> Clients { get; } = [];
    public string Slug { get; private set; } = "";
    public Guid RoundId { get; private set; }
    public string MemberId { get; private set; } = "";
    public Guid CallId { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid WorkingGroupId { get; private set; }
    public Guid GroupDecisionId { get; private set; }
    public Guid GatheringId { get; private set; }
    public Guid ProposedId { get; private set; }
    public Guid OfferId { get; private set; }
    public Guid ResponsibilityId { get; private set; }
    public Guid ConcernId { get; private set; }
    public Guid AboutHostId { get; private set; }
    public Guid TalkId { get; private set; }
    public Guid HiddenTalkId { get; private set; }

    /// <summary>A thread of the working group (the member is in the group; the host is not).</summary>
    public Guid GroupTalkId { get; private set; }

    /// <summary>A thread of the network's hosts (the host hosts a congregation; the member and the outsider host none).</summary>
    public Guid NetworkTalkId { get; private set; }

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        await Hub.CreatePersonAsync("host@test.example", "keeper of the fire", name: "Host");
        await Hub.CreatePersonAsync("member@test.example", "keeper of the fire", name: "Yusra Okonkwo-Pell");
        await Hub.CreatePersonAsync("outsider@test.example", "keeper of the fire", name: "Outsider");
        await Hub.CreatePersonAsync("admin@test.example", "keeper of the fire", admin: true, name: "Admin");
        Clients["anonymous"] = Hub.NewClient();
        foreach (var role in new[] { "host", "member", "outsider", "admin" })
        {
            Clients[role] = await Hub.SignedInClientAsync($"{role}@test.example", "keeper of the fire");
        }
        Slug = SlugOf(await CreateAsync(Clients["host"], "Matrix Congregation", "InvitationOnly"));
        using var scope = Hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
        var congregation = db.Congregations.Single(c => c.Slug == Slug);
        var member = db.Users.Single(u => u.Email == "member@test.example");
        MemberId = member.Id;
        await Microsolidarity.Hub.Features.Congregations.JoinCongregation.AddMemberAsync(db, congregation.Id, member.Id, DateTime.UtcNow, default);
        RoundId = Guid.NewGuid();
        db.FormationRounds.Add(new Microsolidarity.Hub.Data.Formation.FormationRound
        {
            Id = RoundId,
            CongregationId = congregation.Id,
            Title = "Matrix round",
            PreferencesDueAt = DateTime.UtcNow.AddDays(3),
            CreatedAt = DateTime.UtcNow,
        });
        CallId = Guid.NewGuid();
        db.CrewCalls.Add(new Microsolidarity.Hub.Data.Crews.CrewCall
        {
            Id = CallId,
            CongregationId = congregation.Id,
            CallerUserId = member.Id,
            Name = "Matrix call",
            Purpose = "Peer support for the matrix.",
            TimeZone = "Europe/Lisbon",
            EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
            ClosesAt = DateTime.UtcNow.AddDays(10),
            CreatedAt = DateTime.UtcNow,
        });
        DecisionId = Guid.NewGuid();
        db.Decisions.Add(new Microsolidarity.Hub.Data.Decisions.Decision
        {
            Id = DecisionId,
            CongregationId = congregation.Id,
            ProposerUserId = member.Id,
            Question = "Matrix decision?",
            Proposal = "We decide for the matrix.",
            ClosesAt = DateTime.UtcNow.AddDays(5),
            CreatedAt = DateTime.UtcNow,
        });
        // A working group the member is in (the host is not), with a decision of its own.
        WorkingGroupId = Guid.NewGuid();
        var group = new Microsolidarity.Hub.Data.Congregations.WorkingGroup
        {
            Id = WorkingGroupId,
            CongregationId = congregation.Id,
            Name = "Matrix group",
            Purpose = "Deciding for the matrix.",
            EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(1)),
            StartedByUserId = member.Id,
            CreatedAt = DateTime.UtcNow,
        };
        group.Members.Add(new Microsolidarity.Hub.Data.Congregations.WorkingGroupMember { WorkingGroupId = WorkingGroupId, UserId = member.Id, JoinedAt = DateTime.UtcNow });
        db.WorkingGroups.Add(group);
        GroupDecisionId = Guid.NewGuid();
        db.Decisions.Add(new Microsolidarity.Hub.Data.Decisions.Decision
        {
            Id = GroupDecisionId,
            CongregationId = congregation.Id,
            WorkingGroupId = WorkingGroupId,
            Kind = Microsolidarity.Hub.Data.Decisions.DecisionKind.TimePoll,
            ProposerUserId = member.Id,
            Question = "Matrix group poll?",
            ClosesAt = DateTime.UtcNow.AddDays(5),
            CreatedAt = DateTime.UtcNow,
        });
        // An offer to the congregation's members only.
        OfferId = Guid.NewGuid();
        db.OfferPosts.Add(new Microsolidarity.Hub.Data.Offers.OfferPost
        {
            Id = OfferId,
            CongregationId = congregation.Id,
            PosterUserId = member.Id,
            Title = "Matrix offer",
            Skills = "matrices",
            ExpiresAt = DateTime.UtcNow.AddDays(5),
            CreatedAt = DateTime.UtcNow,
        });
        // A members-only gathering of the congregation, for the temporary crews' pages.
        GatheringId = Guid.NewGuid();
        db.GatheringEvents.Add(new Microsolidarity.Hub.Data.Gatherings.GatheringEvent
        {
            Id = GatheringId,
            Title = "Matrix gathering",
            Kind = Microsolidarity.Hub.Data.Gatherings.EventKind.Gathering,
            Scale = Microsolidarity.Hub.Data.Gatherings.EventScale.Congregation,
            Visibility = Microsolidarity.Hub.Data.Gatherings.EventVisibility.CongregationOnly,
            CongregationId = congregation.Id,
            TimeZone = "Europe/Lisbon",
            StartsAt = DateTime.UtcNow.AddDays(12),
            EndsAt = DateTime.UtcNow.AddDays(12).AddHours(6),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        // An event the member proposed, waiting for a host's yes: seen by them and the hosts only.
        ProposedId = Guid.NewGuid();
        db.GatheringEvents.Add(new Microsolidarity.Hub.Data.Gatherings.GatheringEvent
        {
            Id = ProposedId,
            Title = "Matrix proposal",
            Kind = Microsolidarity.Hub.Data.Gatherings.EventKind.Gathering,
            Scale = Microsolidarity.Hub.Data.Gatherings.EventScale.Congregation,
            Visibility = Microsolidarity.Hub.Data.Gatherings.EventVisibility.Public,
            Approval = Microsolidarity.Hub.Data.Gatherings.EventApproval.Proposed,
            CongregationId = congregation.Id,
            CreatedByUserId = member.Id,
            TimeZone = "Europe/Lisbon",
            StartsAt = DateTime.UtcNow.AddDays(14),
            EndsAt = DateTime.UtcNow.AddDays(14).AddHours(2),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        // A responsibility nobody holds: only hosts (and administrators) may offer it to someone.
        ResponsibilityId = Guid.NewGuid();
        db.Responsibilities.Add(new Microsolidarity.Hub.Data.Congregations.Responsibility { Id = ResponsibilityId, CongregationId = congregation.Id, Name = "Matrix money", CreatedAt = DateTime.UtcNow });
        // The host is the one care contact: the member's concern reaches them; the one about them goes to the administrators.
        var hostMembership = db.Memberships.Single(m => m.CongregationId == congregation.Id && m.IsHost);
        hostMembership.IsCareContact = true;
        ConcernId = Guid.NewGuid();
        AboutHostId = Guid.NewGuid();
        foreach (var (id, about, admins) in new[] { (ConcernId, (string?)null, false), (AboutHostId, hostMembership.UserId, true) })
        {
            db.Concerns.Add(new Microsolidarity.Hub.Data.Congregations.Concern
            {
                Id = id,
                CongregationId = congregation.Id,
                RaisedByUserId = member.Id,
                AboutUserId = about,
                ToAdministrators = admins,
                Text = "A matrix concern.",
                CreatedAt = DateTime.UtcNow,
                AcknowledgeBy = DateTime.UtcNow.AddDays(3),
            });
        }
        // A conversation of the members, and one a host hid (hosts alone see it).
        TalkId = Guid.NewGuid();
        HiddenTalkId = Guid.NewGuid();
        GroupTalkId = Guid.NewGuid();
        NetworkTalkId = Guid.NewGuid();
        foreach (var (id, hidden) in new[] { (TalkId, false), (HiddenTalkId, true), (GroupTalkId, false), (NetworkTalkId, false) })
        {
            var talk = new Microsolidarity.Hub.Data.Conversations.ConversationThread
            {
                Id = id,
                CongregationId = id == GroupTalkId || id == NetworkTalkId ? null : congregation.Id,
                WorkingGroupId = id == GroupTalkId ? WorkingGroupId : null,
                ForNetworkHosts = id == NetworkTalkId,
                StartedByUserId = member.Id,
                Title = hidden ? "Matrix hidden talk" : "Matrix talk",
                CreatedAt = DateTime.UtcNow,
                LastPostAt = DateTime.UtcNow,
                HiddenAt = hidden ? DateTime.UtcNow : null,
                ModerationReason = hidden ? "Hidden for the matrix." : null,
            };
            talk.Posts.Add(new Microsolidarity.Hub.Data.Conversations.ConversationPost { Id = Guid.NewGuid(), ThreadId = id, AuthorUserId = member.Id, Text = "Hello, matrix.", CreatedAt = DateTime.UtcNow });
            db.ConversationThreads.Add(talk);
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>Every congregation route against every role: anonymous, signed in outsider, member, host, network admin.</summary>
public sealed class CongregationAuthorizationTests(CongregationMatrixHub fixture) : IClassFixture<CongregationMatrixHub>
{
    public static TheoryData<string, int, int, int, int, int> Routes => new()
    {
        // route (SLUG replaced)              anonymous outsider member host admin
        { "/congregations",                   200, 200, 200, 200, 200 },
        { "/congregations/new",               302, 200, 200, 200, 200 },
        { "/congregations/map",               200, 200, 200, 200, 200 },
        { "/congregations/SLUG",              200, 200, 200, 200, 200 },
        { "/congregations/SLUG/members",      302, 403, 200, 200, 200 },
        { "/congregations/SLUG/host",         302, 403, 403, 200, 200 },
        // The levels are the hosts' to name; invitations from the hosts are each member's own (an administrator who is not a member has none).
        { "/congregations/SLUG/levels",       302, 403, 403, 200, 200 },
        { "/congregations/SLUG/offers",       302, 403, 200, 200, 403 },
        { "/congregations/SLUG/care",         302, 403, 403, 200, 200 },
        { "/congregations/SLUG/care/nudge?why=no-crew&person=MEMBER", 302, 403, 403, 200, 200 },
        { "/congregations/SLUG/care/nudge?why=no-crew&person=no-such-person", 302, 403, 403, 404, 404 },
        { "/congregations/SLUG/care/nudge?why=no-such-reason&person=MEMBER", 302, 403, 403, 404, 404 },
        { "/congregations/SLUG/care/nudge?why=quiet&crew=00000000-0000-0000-0000-000000000001", 302, 403, 403, 404, 404 },
        // What crews offered their congregation: its members read it (hosts are members); an administrator who is not one does not.
        { "/congregations/SLUG/lessons",      302, 403, 200, 200, 403 },
        { "/congregations/no-such-place/lessons", 404, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups", 302, 403, 200, 200, 200 },
        { "/congregations/SLUG/formation",    302, 403, 200, 200, 200 },
        { "/congregations/SLUG/formation/ROUND", 302, 403, 200, 200, 200 },
        { "/congregations/SLUG/formation/00000000-0000-0000-0000-000000000001", 302, 403, 404, 404, 404 },
        // Calls are for members: visitors and people of other congregations get a page that says how to take part.
        { "/congregations/SLUG/calls",        200, 200, 200, 200, 200 },
        { "/congregations/SLUG/calls/CALL",   302, 403, 200, 200, 200 },
        { "/congregations/SLUG/calls/00000000-0000-0000-0000-000000000001", 302, 403, 404, 404, 404 },
        { "/congregations/no-such-place/calls", 404, 404, 404, 404, 404 },
        // Conversations are the members' alone (an administrator who is not a member reads none); a hidden one is its hosts'.
        { "/congregations/SLUG/conversations", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/conversations/new", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/conversations/TALK", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/conversations/HIDDENTALK", 302, 403, 404, 200, 403 },
        { "/congregations/SLUG/conversations/00000000-0000-0000-0000-000000000001", 302, 403, 404, 404, 403 },
        { "/congregations/no-such-place/conversations", 404, 404, 404, 404, 404 },
        { "/congregations/no-such-place/conversations/00000000-0000-0000-0000-000000000001", 404, 404, 404, 404, 404 },
        // Decisions are the members' (administrators read them; only members propose, answer and export).
        { "/congregations/SLUG/decisions",    302, 403, 200, 200, 200 },
        { "/congregations/SLUG/decisions?q=matrix", 302, 403, 200, 200, 200 },
        { "/congregations/SLUG/decisions/new", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/decisions/DECISION", 302, 403, 200, 200, 200 },
        { "/congregations/SLUG/decisions/00000000-0000-0000-0000-000000000001", 302, 403, 404, 404, 404 },
        { "/congregations/SLUG/decisions.csv", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/decisions.json", 302, 403, 200, 200, 403 },
        { "/congregations/no-such-place/decisions", 404, 404, 404, 404, 404 },
        // A working group's decisions: its members propose and answer, the congregation's members read and export,
        // administrators who are not members see nothing (as with the group's board).
        // A working group's conversations are its members' alone: the congregation's host, not in the group, is refused.
        { "/congregations/SLUG/working-groups/WORKGROUP/conversations", 302, 403, 200, 403, 403 },
        // The network's hosts talk among themselves, with the administrators; a member who hosts nothing is refused.
        { "/network/conversations",           302, 403, 403, 200, 200 },
        { "/network/conversations/new",       302, 403, 403, 200, 200 },
        { "/network/conversations/NETTALK",   302, 403, 403, 200, 200 },
        { "/network/conversations/TALK",      302, 403, 403, 404, 404 },
        { "/network/conversations/00000000-0000-0000-0000-000000000001", 302, 403, 403, 404, 404 },
        { "/congregations/SLUG/conversations/NETTALK", 302, 403, 404, 404, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/conversations/new", 302, 403, 200, 403, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/conversations/GROUPTALK", 302, 403, 200, 403, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/conversations/TALK", 302, 403, 404, 403, 403 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/conversations", 302, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/conversations/new", 302, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/conversations/00000000-0000-0000-0000-000000000002", 302, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions/new", 302, 403, 200, 403, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions/WGPOLL", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions/DECISION", 302, 403, 404, 404, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions.csv", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/working-groups/WORKGROUP/decisions.json", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/decisions", 404, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/decisions/new", 404, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/decisions/00000000-0000-0000-0000-000000000002", 404, 404, 404, 404, 404 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/decisions.csv", 404, 404, 404, 404, 404 },
        { "/congregations/no-such-place/decisions.csv", 404, 404, 404, 404, 404 },
        // Offers and requests to a congregation: its members only (an administrator who is not one sees none).
        { "/congregations/SLUG/offers-and-requests", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/offers-and-requests?q=matrices&online=true", 302, 403, 200, 200, 403 },
        { "/congregations/no-such-place/offers-and-requests", 302, 404, 404, 404, 404 },
        { "/offers/OFFER",                    302, 404, 200, 200, 404 },
        { "/congregations/SLUG/members?skill=matrices", 302, 403, 200, 200, 200 },
        // Introductions likewise: members take part, hosts (and administrators) see counts only.
        { "/congregations/SLUG/introductions", 200, 200, 200, 200, 200 },
        { "/congregations/no-such-place/introductions", 404, 404, 404, 404, 404 },
        // A members-only gathering's temporary crews: its members see them, its hosts (and administrators) form and print them.
        { "/gatherings/GATHERING/crews",      302, 404, 200, 200, 200 },
        { "/gatherings/GATHERING/crews/print", 302, 404, 404, 200, 200 },
        { "/gatherings/GATHERING/crews?date=20000101T000000Z", 302, 404, 404, 404, 404 },
        // Hosting together: the event's hosts (the congregation's hosts, its creator, co-hosts who accepted) and administrators.
        { "/gatherings/GATHERING/hosts",      302, 404, 404, 200, 200 },
        { "/gatherings/GATHERING/edit",       302, 404, 404, 200, 200 },
        // A member's proposal: its proposer and the congregation's hosts only, until a host says yes.
        { "/gatherings/PROPOSED",             404, 404, 200, 200, 200 },
        { "/gatherings/PROPOSED/hosts",       302, 404, 200, 200, 200 },
        { "/gatherings/PROPOSED.ics",         404, 404, 200, 200, 200 },
        // Boards, own practices and own cards: the congregation's members (administrators who are not members see none of them).
        { "/congregations/SLUG/board",        302, 403, 200, 200, 403 },
        { "/congregations/SLUG/working-groups/00000000-0000-0000-0000-000000000001/board", 302, 403, 404, 404, 403 },
        { "/congregations/SLUG/practices",    302, 403, 200, 200, 403 },
        { "/congregations/SLUG/practices/no-such-practice", 302, 403, 404, 404, 403 },
        { "/congregations/SLUG/practices/edit", 302, 403, 403, 200, 403 },
        { "/congregations/SLUG/practices/edit?practice=no-such-practice", 302, 403, 403, 404, 403 },
        { "/congregations/SLUG/cards",        302, 403, 200, 200, 403 },
        { "/congregations/no-such-place/board", 302, 404, 404, 404, 404 },
        { "/congregations/no-such-place/practices", 404, 404, 404, 404, 404 },
        // The register of responsibilities is the members' (administrators read it); hosts add and edit; holders and hosts offer.
        { "/congregations/SLUG/responsibilities", 302, 403, 200, 200, 200 },
        { "/congregations/SLUG/responsibilities/edit", 302, 403, 403, 200, 200 },
        { "/congregations/SLUG/responsibilities/edit?id=RESPONSIBILITY", 302, 403, 403, 200, 200 },
        { "/congregations/SLUG/responsibilities/edit?id=00000000-0000-0000-0000-000000000001", 302, 403, 403, 404, 404 },
        { "/congregations/SLUG/responsibilities/RESPONSIBILITY/offer", 302, 403, 403, 200, 200 },
        { "/congregations/SLUG/responsibilities/00000000-0000-0000-0000-000000000001/offer", 302, 403, 404, 404, 404 },
        { "/congregations/no-such-place/responsibilities", 404, 404, 404, 404, 404 },
        // Concerns: each is read by its raiser and the care contacts (here the host) only; administrators read one about a care contact.
        { "/congregations/SLUG/concerns",     302, 403, 200, 200, 200 },
        { "/congregations/SLUG/concerns/new", 302, 403, 200, 200, 403 },
        { "/congregations/SLUG/concerns/CONCERN", 302, 404, 200, 200, 404 },
        { "/congregations/SLUG/concerns/ABOUTHOST", 302, 404, 200, 404, 200 },
        { "/congregations/SLUG/concerns/00000000-0000-0000-0000-000000000001", 302, 404, 404, 404, 404 },
        { "/congregations/SLUG/concerns/care-contacts", 302, 403, 403, 200, 200 },
        { "/congregations/no-such-place/concerns", 404, 404, 404, 404, 404 },
        // The agreements: anyone signed in reads them before joining; hosts publish.
        { "/congregations/SLUG/agreements",   302, 200, 200, 200, 200 },
        { "/congregations/no-such-place",     404, 404, 404, 404, 404 },
        { "/congregations/no-such-place/members", 404, 404, 404, 404, 404 },
        { "/congregations/invitations/nonsense", 404, 404, 404, 404, 404 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Get_EachRole_GetsTheExpectedAnswer(string route, int anonymous, int outsider, int member, int host, int admin)
    {
        var path = route.Replace("RESPONSIBILITY", fixture.ResponsibilityId.ToString()).Replace("SLUG", fixture.Slug).Replace("ROUND", fixture.RoundId.ToString()).Replace("MEMBER", fixture.MemberId)
            .Replace("CALL", fixture.CallId.ToString()).Replace("DECISION", fixture.DecisionId.ToString()).Replace("GATHERING", fixture.GatheringId.ToString()).Replace("PROPOSED", fixture.ProposedId.ToString()).Replace("OFFER", fixture.OfferId.ToString())
            .Replace("CONCERN", fixture.ConcernId.ToString()).Replace("ABOUTHOST", fixture.AboutHostId.ToString())
            .Replace("NETTALK", fixture.NetworkTalkId.ToString()).Replace("HIDDENTALK", fixture.HiddenTalkId.ToString()).Replace("GROUPTALK", fixture.GroupTalkId.ToString()).Replace("TALK", fixture.TalkId.ToString())
            .Replace("WORKGROUP", fixture.WorkingGroupId.ToString()).Replace("WGPOLL", fixture.GroupDecisionId.ToString());
        foreach (var (role, expected) in new[] { ("anonymous", anonymous), ("outsider", outsider), ("member", member), ("host", host), ("admin", admin) })
        {
            var response = await fixture.Clients[role].Http.GetAsync(path);
            Assert.True(expected == (int)response.StatusCode, $"{role} GET {path}: expected {expected}, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Members_ListIsNeverInAnOutsidersPage()
    {
        foreach (var path in new[] { $"/congregations/{fixture.Slug}", "/congregations", $"/congregations/{fixture.Slug}/members", $"/congregations/{fixture.Slug}/care" })
        {
            var (_, page) = await fixture.Clients["outsider"].GetAsync(path);
            Assert.DoesNotContain("Yusra", page.DocumentElement.OuterHtml);
        }
        var (_, memberView) = await fixture.Clients["member"].GetAsync($"/congregations/{fixture.Slug}/members");
        Assert.Contains("Yusra Okonkwo-Pell", memberView.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Calls_AreShownToMembersOnly_AndOthersAreToldHowToTakePart()
    {
        var path = $"/congregations/{fixture.Slug}/calls";
        var (_, visitor) = await fixture.Clients["anonymous"].GetAsync(path);
        Assert.Contains("Sign in", visitor.QuerySelector("#sign-in-prompt")!.TextContent);
        Assert.DoesNotContain("Matrix call", visitor.DocumentElement.OuterHtml);
        var (_, outsider) = await fixture.Clients["outsider"].GetAsync(path);
        Assert.Contains("Join Matrix Congregation", outsider.QuerySelector("#join-prompt")!.TextContent);
        Assert.DoesNotContain("Matrix call", outsider.DocumentElement.OuterHtml);
        var (_, outsiderCrews) = await fixture.Clients["outsider"].GetAsync("/crews");
        Assert.DoesNotContain("Matrix call", outsiderCrews.DocumentElement.OuterHtml);
        foreach (var role in new[] { "member", "host", "admin" })
        {
            var (_, page) = await fixture.Clients[role].GetAsync(path);
            Assert.Contains("Matrix call", page.QuerySelector(".card-list")!.TextContent);
            var (_, crews) = await fixture.Clients[role].GetAsync("/crews");
            Assert.Contains("Matrix call", crews.QuerySelector("[aria-labelledby=open-calls]")!.TextContent);
        }
        // Only members post: the administrator (not a member) sees the calls but no form, and a forged post is refused.
        var (_, adminPage) = await fixture.Clients["admin"].GetAsync(path);
        Assert.Null(adminPage.QuerySelector("form[action*='handler=Call']"));
        var token = outsider.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!; // the sign-out form's
        var forged = await fixture.Clients["outsider"].PostAsync(path + "?handler=Call", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "Sneaky" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.Response.StatusCode);
    }

    [Fact]
    public async Task Introductions_MembersTakePart_HostsSeeCounts_OthersAreToldHowToTakePart()
    {
        var path = $"/congregations/{fixture.Slug}/introductions";
        var (_, visitor) = await fixture.Clients["anonymous"].GetAsync(path);
        Assert.Contains("Sign in", visitor.QuerySelector("#sign-in-prompt")!.TextContent);
        Assert.Null(visitor.QuerySelector("form[action*='handler=Join']"));
        var (_, outsider) = await fixture.Clients["outsider"].GetAsync(path);
        Assert.Contains("Join Matrix Congregation", outsider.QuerySelector("#join-prompt")!.TextContent);
        Assert.Null(outsider.QuerySelector("form[action*='handler=Join']"));
        var (_, member) = await fixture.Clients["member"].GetAsync(path);
        Assert.NotNull(member.QuerySelector("form[action*='handler=Join']"));
        Assert.Null(member.QuerySelector("#counts"));
        var (_, host) = await fixture.Clients["host"].GetAsync(path);
        Assert.NotNull(host.QuerySelector("#counts"));
        // The administrator (not a member) sees the counts and no form.
        var (_, admin) = await fixture.Clients["admin"].GetAsync(path);
        Assert.NotNull(admin.QuerySelector("#counts"));
        Assert.Null(admin.QuerySelector("form[action*='handler=Join']"));
        foreach (var role in new[] { "outsider", "admin" })
        {
            var token = (role == "admin" ? admin : outsider).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var handler in new[] { "Join", "Pause", "Leave", "Answer" })
            {
                var forged = await fixture.Clients[role].PostAsync($"{path}?handler={handler}", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.EveryWeeks"] = "2",
                    ["paused"] = "true",
                    ["introduction"] = Guid.NewGuid().ToString(),
                    ["answer"] = "Met",
                });
                Assert.True(forged.Response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{role} {handler}: {(int)forged.Response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task ConcernActions_PostedByAnyoneButItsTenders_AreRefused()
    {
        foreach (var role in new[] { "outsider", "member", "admin", "host" })
        {
            var (_, own) = await fixture.Clients[role].GetAsync($"/congregations/{fixture.Slug}");
            var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            // The host tends the first (and is refused only on the one about them); the others tend neither.
            var ids = role == "host" ? new[] { fixture.AboutHostId } : role == "admin" ? [fixture.ConcernId] : new[] { fixture.ConcernId, fixture.AboutHostId };
            foreach (var id in ids)
            {
                foreach (var handler in new[] { "Acknowledge", "Step", "Close" })
                {
                    var (response, _) = await fixture.Clients[role].PostAsync($"/congregations/{fixture.Slug}/concerns/{id}?handler={handler}", new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Step"] = "trying",
                        ["Note"] = "trying",
                    });
                    Assert.True(response.StatusCode != System.Net.HttpStatusCode.Redirect, $"{role} {handler} {id}: {(int)response.StatusCode}");
                }
            }
        }
        foreach (var (role, handler) in new[] { ("member", "Publish"), ("outsider", "Publish"), ("outsider", "Accept") })
        {
            var (_, own) = await fixture.Clients[role].GetAsync($"/congregations/{fixture.Slug}");
            var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var (response, _) = await fixture.Clients[role].PostAsync($"/congregations/{fixture.Slug}/agreements?handler={handler}", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Text"] = "Sneaky agreements",
            });
            Assert.True(response.StatusCode != System.Net.HttpStatusCode.Redirect, $"{role} {handler}: {(int)response.StatusCode}");
        }
        using var scope = fixture.Hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
        Assert.False(db.Concerns.Any(x => x.AcknowledgedAt != null || x.ClosedAt != null));
        Assert.False(db.ConcernSteps.Any());
        Assert.False(db.CongregationAgreements.Any());
    }

    [Fact]
    public async Task HostActions_PostedByAMember_AreRefused()
    {
        var (_, page) = await fixture.Clients["member"].GetAsync($"/congregations/{fixture.Slug}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await fixture.Clients["member"].PostAsync($"/congregations/{fixture.Slug}/members?handler=Remove", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["MembershipId"] = Guid.NewGuid().ToString(),
            ["Reason"] = "trying",
        });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.Response.StatusCode);
        // Moving and removing levels, stepping down as a host and ending network membership are the hosts' too.
        foreach (var role in new[] { "member", "outsider" })
        {
            var (_, own) = await fixture.Clients[role].GetAsync($"/congregations/{fixture.Slug}");
            var ownToken = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var (page2, handler) in new[] { ("levels", "Move"), ("levels", "Remove"), ("members", "StepDown"), ("members", "Network"), ("members", "Host") })
            {
                var forged = await fixture.Clients[role].PostAsync($"/congregations/{fixture.Slug}/{page2}?handler={handler}", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = ownToken,
                    ["LevelId"] = Guid.NewGuid().ToString(),
                    ["MembershipId"] = Guid.NewGuid().ToString(),
                    ["Confirm"] = "true",
                    ["Reason"] = "trying",
                });
                Assert.True(forged.Response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{role} {page2} {handler}: {(int)forged.Response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Responsibilities_HostsActionsPostedByOthers_AreRefused()
    {
        var register = $"/congregations/{fixture.Slug}/responsibilities";
        foreach (var role in new[] { "member", "outsider" })
        {
            var (_, own) = await fixture.Clients[role].GetAsync($"/congregations/{fixture.Slug}");
            var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["ResponsibilityId"] = fixture.ResponsibilityId.ToString(),
                ["Suggestion"] = "0",
                ["Name"] = "Sneaky",
                ["ToUserId"] = fixture.MemberId,
            };
            foreach (var url in new[] { $"{register}?handler=Suggest", $"{register}?handler=Retire", $"{register}/edit", $"{register}/{fixture.ResponsibilityId}/offer" })
            {
                var forged = await fixture.Clients[role].PostAsync(url, fields);
                Assert.True(forged.Response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{role} {url}: {(int)forged.Response.StatusCode}");
            }
        }
        // Stepping down and answering are a member's own: an outsider is refused before anything is looked up.
        var (_, page) = await fixture.Clients["outsider"].GetAsync($"/congregations/{fixture.Slug}");
        var outsiderToken = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "StepDown", "Answer", "Withdraw" })
        {
            var forged = await fixture.Clients["outsider"].PostAsync($"{register}?handler={handler}", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = outsiderToken,
                ["ResponsibilityId"] = fixture.ResponsibilityId.ToString(),
                ["OfferId"] = Guid.NewGuid().ToString(),
            });
            Assert.True(forged.Response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"outsider {handler}: {(int)forged.Response.StatusCode}");
        }
    }

    [Fact]
    public async Task Nudge_PostedByAMemberOrAnOutsider_IsRefused()
    {
        foreach (var role in new[] { "member", "outsider" })
        {
            var (_, page) = await fixture.Clients[role].GetAsync($"/congregations/{fixture.Slug}");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await fixture.Clients[role].PostAsync($"/congregations/{fixture.Slug}/care/nudge", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Why"] = "no-crew",
                ["Person"] = fixture.MemberId,
                ["Message"] = "Come and join a crew.",
            });
            Assert.True(response.Response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{role}: {(int)response.Response.StatusCode}");
        }
    }
}
