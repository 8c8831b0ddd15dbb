// The hub's table of contents: what it is made of, in the order a request meets it.
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Admin;
using Microsolidarity.Hub.Features.Boards;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Congregations.Concerns;
using Microsolidarity.Hub.Features.Congregations.Responsibilities;
using Microsolidarity.Hub.Features.Conversations;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Crews.Agreements;
using Microsolidarity.Hub.Features.Crews.Calls;
using Microsolidarity.Hub.Features.Crews.Meetings;
using Microsolidarity.Hub.Features.Crews.Retrospectives;
using Microsolidarity.Hub.Features.Decisions;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Features.Dyads;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Features.Gatherings.Crews;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Features.Home;
using Microsolidarity.Hub.Features.Introductions;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Features.Offers;
using Microsolidarity.Hub.Features.People;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Features.Programs;
using Microsolidarity.Hub.Features.Rounds;
using Microsolidarity.Hub.Features.Updates;
using Microsolidarity.Hub.Platform.Cli;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Observability;
using Microsolidarity.Hub.Platform.Web;

// The command line (System.CommandLine): the verb, its options, and the settings that go on to the host. Its messages
// speak the language the environment names (LC_ALL, LC_MESSAGES, LANG); serving goes back to the process's own culture,
// since each request chooses its language and jobs theirs.
var processLanguage = System.Globalization.CultureInfo.CurrentUICulture;
CliWords.Use();
var command = HubCommand.Parse(args);
if (command.Verb == HubVerb.Serve)
{
    System.Globalization.CultureInfo.CurrentUICulture = processLanguage;
}
if (command.Verb is HubVerb.Usage or HubVerb.Unknown)
{
    return command.PrintUsage(Console.Out, Console.Error); // help: 0; bad arguments: what is wrong, and 2
}
if (command.Verb == HubVerb.Groups)
{
    return command.RunGroups(Console.Out, Console.Error); // no web host, no database
}
// An import's renderer sets up its libraries' tables once (about a third of a second of CPU); that starts now,
// on another core, while the host is built.
command.Handbook?.PrepareAhead();

// Settings and static files come from beside the executable; ./data comes from the working directory.
// A command that does one thing and exits has no use for watching appsettings.json for changes (a watcher
// thread and inotify handles set up at every start), so only `serve` reloads its settings. Nor does it serve:
// the slim builder reads the same settings (appsettings, environment, command line) and logs to the console, but
// leaves out what only a server uses (Kestrel's HTTPS and QUIC set-up, IIS, host filtering), a few hundredths of
// a second of every command's start (docs/benchmarks.md). The features below register the same services either way.
var options = new WebApplicationOptions
{
    Args = command.Verb == HubVerb.Serve ? command.HostArgs : ["--hostBuilder:reloadConfigOnChange=false", .. command.HostArgs],
    ContentRootPath = AppContext.BaseDirectory,
};
var builder = command.Verb == HubVerb.Serve ? WebApplication.CreateBuilder(options) : WebApplication.CreateSlimBuilder(options);
builder.AddHubConfiguration(command);

// Platform: what every feature stands on.
builder.AddData();
builder.AddFiles(); // photos, audio, handbook files and exports: the data folder, or an S3-compatible store shared by every node
builder.AddEmail();
builder.AddWeb();
builder.AddLanguages(); // English, Spanish, German, European Portuguese, French: the person's choice, else the browser's
builder.AddObservability(); // /readyz; OpenTelemetry and /metrics when an operator turns them on

// Features.
builder.AddAccounts();
builder.AddNotifications(); // in the hub and by email, as each person chooses; the features below notify through it
builder.AddCongregations();
builder.AddResponsibilities(); // a congregation's register of who holds what, handed over by invitation
builder.AddConcerns(); // a member's concern raised with the care contacts, and each congregation's agreements
builder.AddCrews();
builder.AddMeetingRooms(); // a crew meeting's plan, case preparation, commitments and its live room
builder.AddCrewCalls(); // open calls in a congregation: "I'm calling a crew about this: who wants in?"
builder.AddGroupAgreements(); // a crew's (and a dyad's) agreements, in force once everyone accepts
builder.AddRetrospectives(); // reflections shared with the crew, changes carried forward, lessons for the congregation
builder.AddIntroductions(); // members introduced to one another every two or four weeks, as each chooses
builder.AddPeople();
builder.AddDyads();
builder.AddInvitations(); // crew and dyad invitations to addresses without an account
builder.AddDemo();
builder.AddHandbook();
builder.AddPractices(); // the practice library and the card deck, from files in the repository
builder.AddBoards(); // mastery and task boards for crews, working groups and congregations
builder.AddUpdates();
builder.AddCommons();
builder.AddGatherings();
builder.AddGatheringCrews(); // temporary crews at a gathering's date, which may go on as crews
builder.AddCoHosting(); // hosting an event together: co-hosts, members' proposed events, the hosts' log
builder.AddPrograms(); // practice programs: breakout rooms for every call
builder.AddRounds(); // crew formation rounds in a congregation: preferences, a proposal, consent
builder.AddDecisions(); // consent decisions in congregations and crews, and each one's decision log
builder.AddOffers(); // offers and requests: what members give and need, answered privately to the poster
builder.AddConversations(); // threads in congregations, crews and dyads, with mentions, reactions and replies by email
builder.AddHome(); // the newcomer's page, and each signed-in person's own home: their next things at every scale
builder.AddAdmin(); // /admin: every administrative page and the state of each

if (command.Verb != HubVerb.Serve)
{
    // migrate, seed, handbook, backup: the services only. Not even the web host: building it creates the generic
    // host and Kestrel's server, about a tenth of a second of a short command for nothing (docs/benchmarks.md).
    var development = builder.Environment.IsDevelopment();
#pragma warning disable ASP0000 // the one provider this process builds: for these verbs the web host is never built
    await using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development });
#pragma warning restore ASP0000
    return await command.RunOnceAsync(services);
}

var app = builder.Build();

app.UseWeb();
app.MapWeb();
app.MapObservability();
app.MapAccounts();
app.MapNotifications(); // the header's live count of unread notices
app.MapPeople();
app.MapHandbook();
app.MapPractices();
app.MapUpdates();
app.MapCommons();
app.MapGatherings();
app.MapMeetingRooms();

return await command.ServeAsync(app);

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
