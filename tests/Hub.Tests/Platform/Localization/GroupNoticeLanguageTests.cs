using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Decisions;
using Microsolidarity.Hub.Features.Introductions;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Crews;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;
using static Microsolidarity.Hub.Tests.Features.Rounds.RoundTestKit;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// What one person's act tells several others (a crew call, a proposal, an introduction, a crew invitation) reaches
/// each of them in their own language, whatever language the one who acted uses; the words people wrote stay as
/// written. One case per family of messages.
/// </summary>
public sealed class GroupNoticeLanguageTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "a long enough password";
    private readonly HubFactory hub = shared.Hub;

    private async Task<(string Id, string Email, FormClient Client)> PersonAsync(string name, string language)
    {
        var email = Unique.Email(new string([.. name.Where(char.IsAsciiLetter)]).ToLowerInvariant());
        var person = await hub.CreatePersonAsync(email, Password, name: name);
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().Users.Where(u => u.Id == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language));
        }
        return (person.Id, email, await hub.SignedInClientAsync(email, Password));
    }

    /// <summary>A congregation the first person hosts and the others joined; returns its path.</summary>
    private async Task<string> CongregationAsync(string name, FormClient host, params FormClient[] members)
    {
        var congregation = await CreateAsync(host, name);
        foreach (var member in members)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join")).Response.StatusCode);
        }
        return congregation;
    }

    [Fact]
    public async Task ACrewCallPostedInEnglish_ReachesEachMember_InTheirLanguage_AndTheRequestReachesTheCaller_InEnglish()
    {
        var caller = await PersonAsync("Carys", "en");
        var german = await PersonAsync("Jonas", "de");
        var portuguese = await PersonAsync("Rita", "pt-PT");
        var name = Unique.Name("Tejo");
        var congregation = await CongregationAsync(name, caller.Client, german.Client, portuguese.Client);
        var call = Unique.Name("Thursday case clinic");
        var (posted, postedPage) = await caller.Client.SubmitAsync(congregation + "/calls", CrewCallForm.Fields(call), handler: "Call");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, postedPage.QuerySelector("main")?.TextContent);
        await hub.DrainOutboxAsync();

        var inGerman = await hub.Smtp!.WaitForAsync(german.Email, $"Carys ruft in {name} eine Crew zusammen: {call}");
        Assert.StartsWith("Hallo Jonas,", inGerman.TextBody);
        Assert.Contains($"Carys ruft eine Crew von 4 Personen zusammen, „{call}“: gegenseitige Unterstützung.", inGerman.TextBody);
        Assert.Contains("Peer coaching, one challenge each week.", inGerman.TextBody); // the caller's words as written
        Assert.Contains("Sie würde sich jeweils am Donnerstag um 19:00 treffen (Europe/Lisbon).", inGerman.TextBody);
        Assert.Contains("Aufruf ansehen", inGerman.TextBody);
        var inPortuguese = await hub.Smtp!.WaitForAsync(portuguese.Email, $"Carys está a chamar uma crew em {name}: {call}");
        Assert.Contains("Reunir-se-ia todas as semanas: quinta-feira às 19:00 (Europe/Lisbon).", inPortuguese.TextBody);
        Assert.Contains("<html lang=\"pt-PT\">", inPortuguese.HtmlBody);

        // The German member asks in German; the caller hears it in English, with the note as written.
        var (asked, _) = await german.Client.SubmitAsync(posted.Headers.Location!.OriginalString,
            new Dictionary<string, string> { ["Note"] = "Donnerstags habe ich Zeit." }, handler: "Ask");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await hub.DrainOutboxAsync();
        var request = await hub.Smtp!.WaitForAsync(caller.Email, $"Jonas asks to join {call}");
        Assert.Contains($"Jonas would like to be in “{call}” and wrote:", request.TextBody);
        Assert.Contains("Donnerstags habe ich Zeit.", request.TextBody);
    }

    [Fact]
    public async Task AProposal_ReachesAGermanMember_InGerman_TheClosingReachesThePortugueseProposer_InPortuguese()
    {
        var proposer = await PersonAsync("Leonor", "pt-PT");
        var german = await PersonAsync("Anke", "de");
        var name = Unique.Name("Alfama");
        var decisions = await CongregationAsync(name, proposer.Client, german.Client) + "/decisions";
        var question = Unique.Name("Shall we meet in the library");
        var (proposed, proposedPage) = await proposer.Client.SubmitAsync(decisions + "/new", new Dictionary<string, string>
        {
            ["Input.Question"] = question,
            ["Input.Proposal"] = "From March, in the library.",
            ["Input.Background"] = "The café is loud.",
            ["Input.Closes"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Quorum"] = "",
            ["Input.Visibility"] = "Names",
        }, handler: "Propose");
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, proposedPage.QuerySelector("main")?.TextContent);
        var path = proposed.Headers.Location!.OriginalString;
        await hub.DrainOutboxAsync();
        var open = await hub.Smtp!.WaitForAsync(german.Email, $"Leonor bittet {name} um Zustimmung: {question}");
        Assert.Contains($"Leonor hat einen Vorschlag für {name} und bittet um deine Zustimmung: „{question}“", open.TextBody);
        Assert.Contains("From March, in the library.", open.TextBody);
        Assert.Contains("Lesen und antworten", open.TextBody);

        Assert.Equal(HttpStatusCode.Redirect, (await german.Client.SubmitAsync(path, new Dictionary<string, string> { ["Choice"] = "Agree", ["Reason"] = "" }, handler: "Answer")).Response.StatusCode);
        using (var scope = hub.Services.CreateScope())
        {
            // Answers close; the job (with no request, and so no language of its own) asks the proposer.
            var id = Guid.Parse(path.Split('/')[^1]);
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().Decisions.Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClosesAt, DateTime.UtcNow.AddMinutes(-1)));
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AskForOutcomes>().RunAsync());
        }
        await hub.DrainOutboxAsync();
        var closing = await hub.Smtp!.WaitForAsync(proposer.Email, $"As respostas fecharam: {question}");
        Assert.Contains($"As respostas à tua proposta «{question}» fecharam. concordo: 1.", closing.TextBody);
        Assert.Contains("Escrever o resultado", closing.TextBody);

        var adopted = new Dictionary<string, string> { ["Result"] = "Adopted", ["ResultNote"] = "From March we meet in the library.", ["Confirmed"] = "true" };
        var (recorded, recordedPage) = await proposer.Client.SubmitAsync(path, adopted, handler: "Outcome");
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, recordedPage.QuerySelector("main")?.TextContent);
        await hub.DrainOutboxAsync();
        var outcome = await hub.Smtp!.WaitForAsync(german.Email, $"Angenommen: {question}");
        Assert.Contains($"„{question}“ ist entschieden. Das Ergebnis: Angenommen.", outcome.TextBody);
        Assert.Contains("From March we meet in the library.", outcome.TextBody); // the proposer's words as written
        Assert.Contains($"Es steht im Entscheidungsprotokoll von {name}.", outcome.TextBody);
    }

    [Fact]
    public async Task AnIntroduction_IsALetterInEachReadersLanguage_WithTheirOwnDaysAndHours()
    {
        var german = await PersonAsync("Henrike", "de");
        var portuguese = await PersonAsync("Tomé", "pt-PT");
        var name = Unique.Name("Graça");
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Profiles.Add(new Profile { UserId = german.Id, TimeZone = "Europe/Berlin" });
            await db.SaveChangesAsync();
            // Tuesday 2 March 2027, 18:00 UTC: 19:00 in Berlin; Tomé set no zone, so he reads UTC.
            var first = new DateTime(2027, 3, 2, 18, 0, 0, DateTimeKind.Utc);
            await scope.ServiceProvider.GetRequiredService<IntroductionLetters>().SendAsync(name, Unique.Name("graca"),
                [new IntroductionLetters.Group(Guid.NewGuid(), [new(german.Id, "Ich gärtnere gern."), new(portuguese.Id, "")], first, null, 5)], CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await hub.DrainOutboxAsync();

        var inGerman = await hub.Smtp!.WaitForAsync(german.Email, $"Eine Vorstellung in {name}: Lerne Tomé kennen");
        Assert.Contains($"Lerne Tomé kennen, ebenfalls Mitglied von {name}.", inGerman.TextBody);
        Assert.Contains("Tomé wollte diesmal keine Zeile teilen.", inGerman.TextBody);
        Assert.Contains("Laut euren Profilen habt ihr alle am Dienstag, 2. März, 19:00 Zeit (Europe/Berlin).", inGerman.TextBody);
        Assert.Contains("Eine Frage zum Einstieg, wenn ihr mögt: Was ist diese Woche in dir lebendig?", inGerman.TextBody);
        Assert.Contains($"Du bekommst das, weil du in {name} vorgestellt werden wolltest.", inGerman.TextBody);

        var inPortuguese = await hub.Smtp!.WaitForAsync(portuguese.Email, $"Uma apresentação em {name}: conhece Henrike");
        Assert.Contains("Henrike partilha: «Ich gärtnere gern.»", inPortuguese.TextBody); // her line as she wrote it
        Assert.Contains("estão todas as pessoas livres neste horário: terça-feira 2 de março, 18:00 (UTC (indica o teu fuso horário", inPortuguese.TextBody);
        Assert.Contains("O que está vivo em ti esta semana?", inPortuguese.TextBody);
        Assert.Contains("<html lang=\"pt-PT\">", inPortuguese.HtmlBody);
    }

    [Fact]
    public async Task ACrewInvitation_ReachesAGermanInvitee_InGerman_AndTheirYesReachesTheCaller_InPortuguese()
    {
        var caller = await PersonAsync("Matilde", "pt-PT");
        var german = await PersonAsync("Lutz", "de");
        var third = await PersonAsync("Odile", "fr");
        var crewName = Unique.Name("Kitchen table");
        Guid crewId;
        using (var scope = hub.Services.CreateScope())
        {
            var (outcome, id) = await scope.ServiceProvider.GetRequiredService<CallCrew>().RunAsync(caller.Id,
                new CallCrew.Input(crewName, "To keep each other going.", [german.Email, third.Email], CrewCadence.Weekly, 6, DayOfWeek.Tuesday, new TimeOnly(19, 0), "Europe/Berlin"));
            Assert.True(outcome.Succeeded, outcome.Message);
            crewId = id!.Value;
        }
        await hub.DrainOutboxAsync();
        var invitation = await hub.Smtp!.WaitForAsync(german.Email, $"Matilde lädt dich in eine Crew ein: {crewName}");
        Assert.Contains($"Matilde ruft eine Crew zusammen, „{crewName}“, und möchte dich dabeihaben.", invitation.TextBody);
        Assert.Contains("Es ist ein Experiment: 6 Treffen, jede Woche am Dienstag um 19:00 (Europe/Berlin).", invitation.TextBody);
        var inFrench = await hub.Smtp!.WaitForAsync(third.Email, $"Matilde t'invite");
        Assert.Contains("C'est une expérience : 6 rencontres, chaque semaine, le mardi à 19:00 (Europe/Berlin).", inFrench.TextBody);

        // He says yes from his German page; the caller hears it in Portuguese.
        var (answered, answeredPage) = await german.Client.SubmitAsync($"/crews/{crewId}", new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, answeredPage.QuerySelector("main")?.TextContent);
        await hub.DrainOutboxAsync();
        var yes = await hub.Smtp!.WaitForAsync(caller.Email, $"Lutz entrou em {crewName}");
        Assert.Contains($"Lutz disse que sim a «{crewName}».", yes.TextBody);
        Assert.Contains("Abrir a crew", yes.TextBody);
    }

    [Fact]
    public async Task ARoundRunByAnEnglishHost_ProposesAndFormsTheCrew_InEachMembersLanguage()
    {
        var host = await PersonAsync("Harold", "en");
        var german = await PersonAsync("Frieda", "de");
        var portuguese = await PersonAsync("Joana", "pt-PT");
        var french = await PersonAsync("Lucie", "fr");
        var slug = SlugOf(await CreateAsync(host.Client, Unique.Name("Estrela"), "InvitationOnly"));
        foreach (var member in new[] { german, portuguese, french })
        {
            await AddMemberAsync(hub, slug, member.Email);
        }
        var title = Unique.Name("Crews after the spring gathering");
        var (opened, openedPage) = await PostAsync(host.Client, $"/congregations/{slug}/formation", "Open",
            [("Title", title), ("Due", DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm")), ("MinSize", "3"), ("MaxSize", "6")]);
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, openedPage.QuerySelector("main")?.TextContent);
        var round = opened.Headers.Location!.OriginalString;
        foreach (var member in new[] { german, portuguese, french })
        {
            await PostAsync(member.Client, round, "Preferences", Preferences("gardens", TuesdayEvening));
        }
        await PostAsync(host.Client, round, "Run", []);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(host.Client, round, "Publish", [])).Response.StatusCode);
        await hub.DrainOutboxAsync();
        var proposed = await hub.Smtp!.WaitForAsync(german.Email, $"Dir wird eine Crew vorgeschlagen: {title}");
        Assert.Contains("Die Crew entsteht, sobald alle, die noch dabei sind, zugestimmt haben.", proposed.TextBody);

        foreach (var member in new[] { german, portuguese, french })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(member.Client, round, "Answer", [("Consent", "true")])).Response.StatusCode);
        }
        await hub.DrainOutboxAsync();
        var formed = await hub.Smtp!.WaitForAsync(portuguese.Email, $"A tua crew formou-se: {title} · crew 1");
        Assert.Contains($"Todas as pessoas da crew que vos foi proposta em «{title}» consentiram, por isso a crew formou-se.", formed.TextBody);
        Assert.Contains("Vai reunir-se todas as semanas: terça-feira às 19:00", formed.TextBody);
        var inFrench = await hub.Smtp!.WaitForAsync(french.Email, $"Ta crew est formée : {title} · crew 1");
        Assert.Contains("Elle se réunira chaque semaine, le mardi à 19:00", inFrench.TextBody);
    }
}
