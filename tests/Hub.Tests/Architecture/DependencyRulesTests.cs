using System.Reflection;
using System.Text.RegularExpressions;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Architecture;

/// <summary>
/// The hub's dependency rules, checked on the compiled code (every type a type uses, IL included) and on
/// the source's <c>using</c> lines (a using that names a feature claims a dependency even when nothing uses it):
/// <list type="bullet">
/// <item>Platform never references a feature. Features plug into the platform through Platform/Contracts.
/// The command line's verbs and the sitemap are the listed exceptions.</item>
/// <item>A feature references another feature only through Platform/Contracts, or through an operation named
/// in <see cref="Allowances"/> with the reason it is needed.</item>
/// <item>Program.cs, the table of contents, may reference everything; nothing references it.</item>
/// </list>
/// Entities (src/Hub.Data) are one shared model and are not part of these rules.
/// </summary>
public sealed class DependencyRulesTests
{
    public sealed record Allowed(string From, string Type, string Why);

    private const string Features = "Microsolidarity.Hub.Features.";

    /// <summary>
    /// The cross-feature dependencies that exist on purpose. A new one needs a line here with its reason;
    /// better still, a seam in Platform/Contracts.
    /// </summary>
    public static readonly IReadOnlyList<Allowed> Allowances =
    [
        new("Features/Demo", Features + "Crews.CrewSchedule", "the demo crews' meetings are planned as a real crew's are."),
        new("Features/Rounds", Features + "Crews.CrewSchedule", "the members of a crew a round formed are told its meeting slot in the words the crew page uses."),
        new("Features/Demo", Features + "Gatherings.EventTime", "the demo events are placed in their zones as real events are."),
        new("Features/Demo", Features + "Handbook.ImportHandbook", "the demo handbook is imported at first start through the real import."),
        new("Features/Demo", Features + "Handbook.HandbookImportGate", "the demo handbook's import takes the same lease as any other import."),
        new("Features/Dyads", Features + "Crews.Agreements.AgreementsPageModel", "a dyad keeps agreements the crews' way, made lighter: one page, one partial."),
        new("Features/Dyads", Features + "Crews.Agreements.AgreementGroup", "a dyad keeps agreements the crews' way, made lighter: its two people are the group."),
        new("Features/Dyads", Features + "Crews.Agreements.ProposeAgreement", "a dyad's agreements are proposed as a crew's are."),
        new("Features/Dyads", Features + "Crews.Agreements.AcceptAgreement", "a dyad's agreements are accepted as a crew's are."),
        new("Features/Crews", Features + "Practices.ReadPractices", "a crew meeting's plan is a list of the library's practices, the hub's own versions included."),
        new("Features/Crews", Features + "Practices.Practice", "the meeting room shows each planned practice's title, summary and prompt."),
        new("Features/Crews", Features + "Practices.PracticeStep", "the meeting room shows each planned practice's title, summary and prompt."),
        new("Features/Crews", Features + "Practices.Scale", "the plan editor offers the practices for crews."),
        new("Features/Crews", Features + "Gatherings.CalendarWriter", "a crew's meetings are written into .ics files as the private feed writes them."),
        new("Features/Crews", Features + "Gatherings.EventTime", "a crew's meeting times are computed in the tz database as events' are."),
        new("Features/Crews", Features + "Gatherings.MonthlyWeekday", "a monthly crew meets on the same weekday of the month by the one rule its calendar series is written with."),
        new("Features/Demo", Features + "Gatherings.LunarRhythm", "the demo pulses follow the moon as real pulses do."),
        new("Features/Demo", Features + "Gatherings.RecurrenceRule", "the demo's monthly event uses a real recurrence rule."),
        new("Features/Demo", Features + "Updates.Podcast.PublishEpisode", "the demo episode's audio goes where published episodes go."),
        new("Features/Demo", Features + "Updates.UpdatesMarkdown", "the demo newsletter and episode notes are rendered as real ones are."),
        new("Features/Congregations", Features + "Updates.UpdatesMarkdown", "a congregation's agreements are hosts' Markdown, rendered and sanitised as their other writing is."),
        new("Features/Congregations", Features + "Accounts.AccountLinks", "congregation invitations and notices link to the account pages."),
        new("Features/Crews", Features + "Accounts.AccountLinks", "crew invitations link to the account pages."),
        new("Features/Dyads", Features + "Accounts.AccountLinks", "dyad proposals link to the account pages."),
        new("Features/Gatherings", Features + "Accounts.AccountLinks", "gathering emails and calendar feeds link to the account pages."),
        new("Features/Invitations", Features + "Accounts.AccountLinks", "emailed invitations link to the account pages."),
        new("Features/Congregations", Features + "Accounts.AccountSessions", "accepting an invitation with a new account signs that account in."),
        new("Features/Invitations", Features + "Accounts.AccountSessions", "an account made from an invitation is signed in at once."),
        new("Features/Congregations", Features + "Invitations.CreateInvitedAccount", "a congregation invitation lets its invitee make an account (one way for every invitation)."),
        new("Features/Congregations", Features + "Invitations.InvitedSignUpPageModel", "the congregation invitation page is an invited sign-up page."),
        new("Features/Congregations", Features + "Invitations.InvitationsFeature", "invited addresses compare the same way for every invitation."),
        new("Features/Crews", Features + "Invitations.InvitationsFeature", "invited addresses compare the same way for every invitation."),
        new("Features/Dyads", Features + "Invitations.InvitationsFeature", "invited addresses compare the same way for every invitation."),
        new("Features/Crews", Features + "Invitations.SendEmailInvitation", "calling or inviting to a crew emails an address without an account."),
        new("Features/Dyads", Features + "Invitations.SendEmailInvitation", "proposing a dyad emails an address without an account."),
        new("Features/Invitations", Features + "Congregations.InvitationState", "an emailed invitation has the same states as a congregation's."),
        new("Features/Invitations", Features + "Congregations.InviteByEmail", "an emailed invitation's token is made and hashed as a congregation's."),
        new("Features/Crews", Features + "Gatherings.AvailabilityOverlap", "a crew's shared hours are the gatherings' overlap of members' grids."),
        new("Features/Crews", Features + "Gatherings.SharedGrids", "the crew page counts only grids their owners share, by the one rule."),
        new("Features/Crews", Features + "Gatherings.FindTimePage", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.TimeFindingView", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.TimeFindingAccess", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.ViewerLoader", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.LoadOverlap", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.MarkAvailability", "finding a crew's time is the shared find-a-time page."),
        new("Features/Crews", Features + "Gatherings.ConfirmFoundTime", "a crew's found time becomes a series of gatherings."),
        new("Features/Congregations", Features + "Gatherings.FindTimePage", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.TimeFindingView", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.TimeFindingAccess", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.ViewerLoader", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.LoadOverlap", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.MarkAvailability", "finding a working group's time is the shared find-a-time page."),
        new("Features/Congregations", Features + "Gatherings.ConfirmFoundTime", "a working group's found time becomes a series of gatherings."),
        new("Features/Crews", Features + "Congregations.CongregationAccess", "a crew call belongs to a congregation: its pages start from the congregation and the viewer's membership."),
        new("Features/Crews", Features + "Congregations.CongregationPageModel", "the crew call pages are congregation pages."),
        new("Features/Crews", Features + "Congregations.CongregationView", "crew call operations decide by the viewer's membership."),
        new("Features/Introductions", Features + "Congregations.CongregationAccess", "introductions belong to a congregation: the page starts from the congregation and the viewer's membership."),
        new("Features/Introductions", Features + "Congregations.CongregationPageModel", "the introductions page is a congregation page."),
        new("Features/Introductions", Features + "Congregations.CongregationView", "introduction operations decide by the viewer's membership."),
        new("Features/Rounds", Features + "Congregations.CongregationAccess", "a round belongs to a congregation: its pages start from the congregation and the viewer's membership."),
        new("Features/Rounds", Features + "Congregations.CongregationPageModel", "the round pages are congregation pages."),
        new("Features/Rounds", Features + "Congregations.CongregationView", "round operations decide by the viewer's membership and host role."),
        new("Features/Decisions", Features + "Congregations.CongregationAccess", "a congregation's decisions start from the congregation and the viewer's membership."),
        new("Features/Decisions", Features + "Congregations.CongregationView", "who may propose, answer and write an outcome follows the viewer's membership and host role."),
        new("Features/Decisions", Features + "Crews.CrewAccess", "a crew's decisions are its people's: they start from the crew as its member sees it."),
        new("Features/Decisions", Features + "Crews.CrewView", "who may propose and answer in a crew follows the viewer's place in it."),
        new("Features/Decisions", Features + "Updates.UpdatesMarkdown", "proposals are Markdown, rendered and sanitised as updates and the handbook are."),
        new("Features/Conversations", Features + "Congregations.CongregationAccess", "a congregation's conversations start from the congregation and the viewer's membership."),
        new("Features/Conversations", Features + "Congregations.CongregationView", "a congregation's conversations are its members'; the pages wear the congregation's navigation."),
        new("Features/Conversations", Features + "Updates.UpdatesMarkdown", "posts are Markdown, rendered and sanitised as updates and the handbook are."),
        new("Features/Offers", Features + "Congregations.CongregationAccess", "a congregation's offers and requests start from the congregation and the viewer's membership."),
        new("Features/Offers", Features + "Congregations.CongregationView", "a congregation's offers and requests are its members'; the page wears the congregation's navigation."),
        new("Features/Offers", Features + "Updates.UpdatesMarkdown", "a post's details are Markdown, rendered and sanitised as updates and the handbook are."),
        new("Features/Rounds", Features + "Crews.NewCrew", "a consented proposal becomes a crew like any called one."),
        new("Features/Gatherings", Features + "Crews.NewCrew", "a gathering's temporary crew whose members all chose to go on becomes a crew like any called one."),
        new("Features/Rounds", Features + "Crews.SharedAvailability", "a proposed crew's hours and its slot are computed as a crew's are."),
        new("Features/Rounds", Features + "Gatherings.AvailabilityOverlap", "round grids are turned into instants with the gatherings' overlap."),
        // The personal home is the one page that gathers a person's next things from every scale; it answers
        // invitations with each feature's own operation, so an answer there is the same as on the group's page.
        new("Features/Boards", Features + "Crews.CrewAccess", "a crew's board is for the crew alone: it loads the crew as the crew's page does."),
        new("Features/Boards", Features + "Crews.CrewView", "a crew's board is for the crew's joined members, as the crew's page decides."),
        new("Features/Boards", Features + "Congregations.CongregationAccess", "a congregation's and a working group's boards are congregation pages: they start from the viewer's membership."),
        new("Features/Boards", Features + "Congregations.CongregationView", "a congregation's and a working group's boards are for its members."),
        new("Features/Dyads", Features + "Practices.ReadPractices", "a dyad chooses its check-in structure from the practice library."),
        new("Features/Dyads", Features + "Practices.Practice", "a dyad's check-in structure is a practice of the library."),
        new("Features/Dyads", Features + "Practices.PracticeStep", "a dyad's page shows the steps of its check-in structure."),
        new("Features/People", Features + "Practices.PracticeStep", "the journal shows the steps of the practice it offers."),
        new("Features/Dyads", Features + "Practices.Scale", "a dyad's check-in structure is a practice made for pairs."),
        new("Features/People", Features + "Practices.ReadPractices", "the journal offers a practice from the library as its prompt."),
        new("Features/People", Features + "Practices.Practice", "the journal offers a practice from the library as its prompt."),
        new("Features/People", Features + "Practices.Scale", "the journal offers practices made for one person."),
        new("Features/Practices", Features + "Crews.CrewAccess", "a crew's own cards are for the crew alone: the page loads the crew as the crew's page does."),
        new("Features/Practices", Features + "Crews.CrewView", "a crew's own cards are for its joined members."),
        new("Features/Practices", Features + "Congregations.CongregationAccess", "a congregation's own practices and cards are congregation pages: they start from the viewer's membership."),
        new("Features/Practices", Features + "Congregations.CongregationPageModel", "a congregation's own practices pages are congregation pages."),
        new("Features/Practices", Features + "Congregations.CongregationView", "a congregation's own practices and cards are for its members; its hosts write them."),
        new("Features/Admin", Features + "Handbook.HandbookImportWords", "the administration overview says the last import's outcome in the handbook's own words."),
        new("Features/Home", Features + "Crews.CrewAccess", "answering a crew invitation on the home page loads the crew as its page does."),
        new("Features/Home", Features + "Crews.CrewView", "answering a crew invitation on the home page loads the crew as its page does."),
        new("Features/Home", Features + "Crews.RespondToCrewInvitation", "a crew invitation answered on the home page is answered by the crews' own operation."),
        new("Features/Home", Features + "Dyads.DyadAccess", "answering a dyad proposal on the home page loads the dyad as its page does."),
        new("Features/Home", Features + "Dyads.DyadView", "answering a dyad proposal on the home page loads the dyad as its page does."),
        new("Features/Home", Features + "Dyads.TendDyad", "a dyad proposal answered on the home page is answered by the dyads' own operation."),
        new("Features/Home", Features + "Congregations.AcceptInvitation", "a congregation invitation accepted on the home page is accepted by the congregations' own operation."),
        new("Features/Home", Features + "Gatherings.UpcomingOccurrences", "the dates a person is going to are the gatherings' own list of coming dates."),
        new("Features/Home", Features + "Gatherings.Occurrence", "the dates a person is going to are the gatherings' own list of coming dates."),
        new("Features/Home", Features + "Gatherings.EventSchedule", "a person's next dates are expanded from each series as the gatherings do."),
        new("Features/Home", Features + "Gatherings.EventTime", "a person's next dates are shown in their zone as the gatherings show them."),
        new("Features/Programs", Features + "Gatherings.EventSchedule", "a cohort's calls are its gathering's dates, expanded as the gatherings expand them."),
        new("Features/Programs", Features + "Gatherings.Occurrence", "a cohort's calls are its gathering's dates, expanded as the gatherings expand them."),
        new("Features/Programs", Features + "Invitations.SendEmailInvitation", "a program's places and its team are offered by email as crews' and dyads' are."),
        new("Features/Programs", Features + "Invitations.InvitationsFeature", "invited addresses compare the same way for every invitation."),
        new("Features/Programs", Features + "Rounds.OpenRound", "\"form crews from this cohort\" opens a formation round like a congregation's."),
        new("Features/Invitations", Features + "People.SaveTimeZone", "an invited sign-up saves the browser's zone as any sign-up does."),
        new("Platform/Cli", Features + "Accounts.EnsureFirstAdmin", "the first start makes the first administrator."),
        new("Platform/Cli", Features + "Demo.SeedDemoCommunity", "the seed verb and the first start seed the demo community."),
        new("Platform/Cli", Features + "Demo.SeedSyntheticNetwork", "seed --members makes a synthetic network for load tests."),
        new("Platform/Cli", Features + "Handbook.HandbookCommand", "the handbook verb (import, export)."),
        new("Platform/Web", Features + "Handbook.RenderHandbookPage", "the sitemap lists handbook pages at their public address (a sitemap seam in Platform/Contracts would remove this)."),
        new("Platform/Web", Features + "Practices.ReadPractices", "the sitemap lists the practice library's pages (a sitemap seam in Platform/Contracts would remove this)."),
        new("Platform/Web", Features + "Practices.Practice", "the sitemap lists the practice library's pages (a sitemap seam in Platform/Contracts would remove this)."),
    ];

    private static readonly Assembly Hub = typeof(Program).Assembly;
    private static readonly string SourceRoot = Path.Combine(TestPaths.RepositoryRoot, "src", "Hub");

    [Fact]
    public void CompiledCode_ReferencesOtherFeaturesOnlyAsAllowed()
    {
        var files = SourceFilesByType();
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (type, from) in HubTypes())
        {
            foreach (var used in TypeReferences.Of(type))
            {
                var target = Outermost(used);
                if (AreaOf(target) is not { } to || Rule(from, to) is not { } rule || IsAllowed(from, target.FullName!))
                {
                    continue;
                }
                broken.Add($"{FileOf(Outermost(type), from, files)} ({from}) uses {target.FullName} ({to}). Rule: {rule}");
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} dependencies break the rules:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Usings_NameOtherFeaturesOnlyAsAllowed()
    {
        var pattern = new Regex(@"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?Microsolidarity\.Hub\.Features\.(\w+)", RegexOptions.Compiled);
        var broken = new List<string>();
        foreach (var file in SourceFiles())
        {
            var from = AreaOfFile(file);
            var lines = File.ReadAllLines(Path.Combine(SourceRoot, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.Match(lines[i]) is not { Success: true } match)
                {
                    continue;
                }
                var feature = match.Groups[1].Value;
                var to = $"Features/{feature}";
                if (Rule(from, to) is { } rule && !Allowances.Any(a => a.From == from && a.Type.StartsWith($"{Features}{feature}.", StringComparison.Ordinal)))
                {
                    broken.Add($"src/Hub/{file}:{i + 1}: {lines[i].Trim()} ({from} -> {to}). Rule: {rule}"
                        + " If nothing in the file uses that feature, remove the using.");
                }
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} using lines break the rules:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Allowances_AreEachStillUsedAndGiveAReason()
    {
        var used = new HashSet<(string, string)>();
        foreach (var (type, from) in HubTypes())
        {
            foreach (var target in TypeReferences.Of(type).Select(Outermost))
            {
                if (target.FullName is { } name)
                {
                    used.Add((from, name));
                }
            }
        }
        var stale = Allowances.Where(a => !used.Contains((a.From, a.Type)) || a.Why.Length < 10)
            .Select(a => $"{a.From} -> {a.Type}").ToList();
        Assert.True(stale.Count == 0, "Allowances that nothing uses any more, or that give no reason; remove or explain them in "
            + "DependencyRulesTests.Allowances:\n" + string.Join("\n", stale));
    }

    /// <summary>What rule a reference from one area to another breaks, or null when it breaks none.</summary>
    internal static string? Rule(string from, string to)
    {
        if (from == to || from == "Program")
        {
            return null;
        }
        if (to == "Program")
        {
            return "nothing references Program.cs; it is the table of contents.";
        }
        if (!to.StartsWith("Features/", StringComparison.Ordinal))
        {
            return null;
        }
        return from.StartsWith("Features/", StringComparison.Ordinal)
            ? "a feature references another feature only through Platform/Contracts, or through an operation listed with its reason in "
              + "DependencyRulesTests.Allowances (tests/Hub.Tests/Architecture/DependencyRulesTests.cs)."
            : "Platform never references Features; put the seam in Platform/Contracts and let the feature implement it "
              + "(the only exceptions, the command line's verbs and the sitemap, are listed in DependencyRulesTests.Allowances).";
    }

    private static bool IsAllowed(string from, string type) => Allowances.Any(a => a.From == from && a.Type == type);

    /// <summary>Every type of the hub that belongs to an area, with that area.</summary>
    private static IEnumerable<(Type Type, string Area)> HubTypes() =>
        Hub.GetTypes().Select(t => (Type: t, Area: AreaOf(Outermost(t)))).Where(x => x.Area is not null).Select(x => (x.Type, x.Area!));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    /// <summary>
    /// "Features/Crews", "Platform/Web", "Platform" (Outcome), "Program", or null for what is not the hub's
    /// own code (other assemblies, anonymous types, generated helpers).
    /// </summary>
    internal static string? AreaOf(Type type)
    {
        if (type.Assembly != Hub)
        {
            return null;
        }
        if (type.Namespace == "AspNetCoreGeneratedDocument")
        {
            var identifier = type.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments[0].Value as string == "Identifier")
                .Select(a => a.ConstructorArguments[1].Value as string).FirstOrDefault();
            return identifier is null ? null : AreaOfFile(identifier.TrimStart('/'));
        }
        if (type.Namespace is null)
        {
            return type.Name == "Program" ? "Program" : null;
        }
        var parts = type.Namespace.Split('.');
        if (parts.Length < 2 || parts[0] != "Microsolidarity" || parts[1] != "Hub")
        {
            return null;
        }
        return parts.Length >= 4 && (parts[2] is "Features" or "Platform") ? $"{parts[2]}/{parts[3]}"
            : parts.Length == 3 && parts[2] == "Platform" ? "Platform"
            : "Hub";
    }

    /// <summary>The area of a file under src/Hub, by its folder.</summary>
    internal static string AreaOfFile(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts switch
        {
            ["Program.cs"] => "Program",
            [var top, var folder, _, ..] when top is "Features" or "Platform" => $"{top}/{folder}",
            ["Platform", _] => "Platform",
            _ => "Hub", // _ViewImports.cshtml, _ViewStart.cshtml: they apply to every page
        };
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Which files declare a type of a given name in a given area, to name the file in a failure.</summary>
    private static Dictionary<(string Area, string Name), List<string>> SourceFilesByType()
    {
        var declaration = new Regex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)");
        var index = new Dictionary<(string, string), List<string>>();
        foreach (var file in SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            foreach (Match match in declaration.Matches(File.ReadAllText(Path.Combine(SourceRoot, file))))
            {
                var key = (AreaOfFile(file), match.Groups[1].Value);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                if (!list.Contains(file))
                {
                    list.Add(file);
                }
            }
        }
        return index;
    }

    private static string FileOf(Type type, string area, Dictionary<(string Area, string Name), List<string>> files)
    {
        if (type.Namespace == "AspNetCoreGeneratedDocument")
        {
            return "src/Hub" + type.GetCustomAttributesData()
                .First(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments[0].Value as string == "Identifier")
                .ConstructorArguments[1].Value;
        }
        var name = type.Name.Split('`')[0];
        return files.TryGetValue((area, name), out var found)
            ? string.Join(", ", found.Select(f => $"src/Hub/{f}"))
            : $"{type.FullName} (no file found)";
    }
}
