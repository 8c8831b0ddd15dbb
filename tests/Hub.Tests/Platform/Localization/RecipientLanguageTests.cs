using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Congregations.Care;
using Microsolidarity.Hub.Features.Congregations.Concerns;
using Microsolidarity.Hub.Features.Dyads;
using Microsolidarity.Hub.Features.Updates.Newsletter;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// Emails go out in the recipient's language, never the sender's: from a request in another language, from a
/// background job with no request at all, and to a visitor who has only the language of the page they used.
/// </summary>
public sealed class RecipientLanguageTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "a long enough password";
    private readonly HubFactory hub = shared.Hub;

    private async Task SetLanguageAsync(string userId, string language)
    {
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language));
    }

    [Fact]
    public async Task AHostWritingInGerman_ReachesAPortugueseMember_InPortuguese_InTheHostsOwnWords()
    {
        var hostEmail = Unique.Email("hanne");
        var host = await hub.CreatePersonAsync(hostEmail, Password, name: "Hanne");
        await SetLanguageAsync(host.Id, "de");
        var memberEmail = Unique.Email("ines");
        var member = await hub.CreatePersonAsync(memberEmail, Password, name: "Inês");
        await SetLanguageAsync(member.Id, "pt-PT");
        var hostClient = await hub.SignedInClientAsync(hostEmail, Password);
        var name = Unique.Name("Lisboa Acolhe");
        var slug = SlugOf(await CreateAsync(hostClient, name));
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            await JoinCongregation.AddMemberAsync(db, congregationId, member.Id, DateTime.UtcNow.AddDays(-40), default);
            await db.SaveChangesAsync();
        }

        var (_, form) = await hostClient.GetAsync($"/congregations/{slug}/care/nudge?why={NudgeWords.Query(NudgeReason.Newcomer)}&person={member.Id}");
        Assert.Equal("de", form.DocumentElement.GetAttribute("lang")); // the host reads the hub in German
        var note = "Liebe Inês, wir würden uns freuen, dich beim nächsten Treffen zu sehen.";
        var (sent, _) = await hostClient.SubmitAsync($"/congregations/{slug}/care/nudge?why={NudgeWords.Query(NudgeReason.Newcomer)}&person={member.Id}",
            new Dictionary<string, string> { ["Message"] = note });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var email = await hub.Smtp!.WaitForAsync(memberEmail, $"Umas palavras de Hanne, que anfitria {name}");
        Assert.StartsWith("Olá Inês,", email.TextBody);
        Assert.Contains(note, email.TextBody); // the host's words stay as written
        Assert.Contains($"Recebes isto porque fazes parte de {name}, onde Hanne anfitria.", email.TextBody);
        Assert.Contains("Ver o teu próximo passo", email.TextBody);
        Assert.Contains("<html lang=\"pt-PT\">", email.HtmlBody);
        using (var scope = hub.Services.CreateScope())
        {
            // The notice in the member's list is in her language too.
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal($"Umas palavras de Hanne, que anfitria {name}",
                await db.Notifications.Where(n => n.UserId == member.Id && n.Kind == SendNudge.Kind).Select(n => n.Title).SingleAsync());
        }
    }

    [Fact]
    public async Task TheDailyDigest_SentByTheJob_ToAFrenchMember_IsInFrench()
    {
        var email = Unique.Email("margaux");
        var person = await hub.CreatePersonAsync(email, Password, name: "Margaux");
        await SetLanguageAsync(person.Id, "fr");
        // A zone where it is past 08:00 now, so the digest is due: Etc/GMT-N is UTC+N.
        var offset = 12 - DateTime.UtcNow.Hour;
        var zone = offset switch { 0 => "Etc/UTC", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            db.Profiles.Add(new Profile { UserId = person.Id, TimeZone = zone });
            foreach (var title in new[] { "Un mot de Hanne", "Ta crew se retrouve demain" })
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(),
                    UserId = person.Id,
                    Kind = "crew.test",
                    Title = title,
                    Url = "/me/pathway",
                    CreatedAt = DateTime.UtcNow.AddHours(-1),
                    Email = NotificationEmail.AwaitingDigest,
                });
            }
            // Two replies in one thread make one line, counted in French ("1 autre", singular).
            foreach (var (post, minutes) in new[] { ("a", 50), ("b", 40) })
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(),
                    UserId = person.Id,
                    Kind = "conversations.post",
                    Title = $"Noé a répondu ({post})",
                    Url = $"/congregations/riverside/conversations/soupe#post-{post}",
                    CreatedAt = DateTime.UtcNow.AddMinutes(-minutes),
                    Email = NotificationEmail.AwaitingDigest,
                });
            }
            await db.SaveChangesAsync();
        }
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().RunAsync(CancellationToken.None);
        }
        await hub.DrainOutboxAsync();
        var digest = await hub.Smtp!.WaitForAsync(email, "Ton résumé du jour : 4 nouveautés");
        Assert.StartsWith("Bonjour Margaux,", digest.TextBody);
        Assert.Contains("Voici ce qui s'est passé depuis ton dernier résumé.", digest.TextBody);
        Assert.Contains("• Un mot de Hanne — ", digest.TextBody);
        Assert.Contains("• Noé a répondu (a) (et 1 autre sur la même page) — ", digest.TextBody);
        Assert.DoesNotContain("Noé a répondu (b)", digest.TextBody);
        Assert.Contains("Tout voir sur le hub", digest.TextBody);
        Assert.Contains("Tu reçois un résumé par jour parce que tu l'as choisi.", digest.TextBody);
        Assert.Contains("<html lang=\"fr\">", digest.HtmlBody);
    }

    [Fact]
    public async Task AVisitorSigningUpInSpanish_GetsTheConfirmationInSpanish_AndKeepsTheLanguage()
    {
        var email = Unique.Email("lucia");
        var visitor = hub.NewClient();
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");
        var (response, _) = await visitor.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Lucía",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await hub.DrainOutboxAsync();
        var message = await hub.Smtp!.WaitForAsync(email, "Confirma tu correo electrónico");
        Assert.StartsWith("Hola, Lucía:", message.TextBody);
        Assert.Contains("¡Te damos la bienvenida!", message.TextBody);
        Assert.Matches(@"El enlace funciona durante \d+ (hora|horas|minutos|días)\.", message.TextBody);
        Assert.Contains("Confirmar mi correo:", message.TextBody);
        Assert.Contains("<html lang=\"es\">", message.HtmlBody);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        // Saved, so later emails (sent by jobs, or by others' requests) are in Spanish too.
        Assert.Equal("es", await db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync());
    }

    [Fact]
    public async Task AProposerWritingInEnglish_ReachesAPortuguesePartner_InPortuguese()
    {
        var proposer = await hub.CreatePersonAsync(Unique.Email("olive"), Password, name: "Olive");
        await SetLanguageAsync(proposer.Id, "en");
        var partnerEmail = Unique.Email("joao");
        var partner = await hub.CreatePersonAsync(partnerEmail, Password, name: "João");
        await SetLanguageAsync(partner.Id, "pt-PT");
        using (var scope = hub.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ProposeDyad>().RunAsync(proposer.Id, partnerEmail, DyadKind.PeerCoaching, 8, "to keep going");
            Assert.True(outcome.Outcome.Succeeded, outcome.Outcome.Message);
        }
        await hub.DrainOutboxAsync();
        var email = await hub.Smtp!.WaitForAsync(partnerEmail, "Olive propõe-te uma díade: coaching entre pares");
        Assert.StartsWith("Olá João,", email.TextBody);
        Assert.Contains("Olive gostava de formar uma díade contigo para coaching entre pares, durante 8 semanas,", email.TextBody);
        Assert.Contains("Podes dizer que não, sem teres de explicar porquê.", email.TextBody);
        Assert.Contains("Ver a proposta", email.TextBody);
        Assert.Contains("<html lang=\"pt-PT\">", email.HtmlBody);
    }

    [Fact]
    public async Task AConcernToAcknowledge_ReachesEachCareContact_InTheirOwnLanguage()
    {
        var germanEmail = Unique.Email("greta");
        var german = await hub.CreatePersonAsync(germanEmail, Password, name: "Greta");
        await SetLanguageAsync(german.Id, "de");
        var frenchEmail = Unique.Email("florence");
        var french = await hub.CreatePersonAsync(frenchEmail, Password, name: "Florence");
        await SetLanguageAsync(french.Id, "fr");
        var name = Unique.Name("Rheinufer");
        var congregation = new Congregation { Id = Guid.NewGuid(), Name = name, Slug = "rheinufer", ConcernAcknowledgeDays = 3 };
        using (var scope = hub.Services.CreateScope())
        {
            // Told together, in one call: each reads it in their own language, and the count follows each language's plural.
            await scope.ServiceProvider.GetRequiredService<ConcernNotices>()
                .ToAcknowledgeAsync(congregation, new Concern { Id = Guid.NewGuid() }, [german.Id, french.Id], CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
        }
        await hub.DrainOutboxAsync();
        var inGerman = await hub.Smtp!.WaitForAsync(germanEmail, $"Ein Anliegen in {name} wartet auf Bestätigung");
        Assert.StartsWith("Hallo Greta,", inGerman.TextBody);
        Assert.Contains("innerhalb von 3 Tagen", inGerman.TextBody);
        Assert.Contains("Diese E-Mail enthält absichtlich keine Einzelheiten.", inGerman.TextBody);
        Assert.Contains("Anliegen lesen", inGerman.TextBody);
        var inFrench = await hub.Smtp!.WaitForAsync(frenchEmail, $"Une préoccupation à accuser réception dans {name}");
        Assert.Contains("sous 3 jours", inFrench.TextBody);
        Assert.Contains("Les détails restent sur le hub.", inFrench.TextBody);
        Assert.Contains("<html lang=\"fr\">", inFrench.HtmlBody);
    }

    [Fact]
    public async Task ASubscriberWithoutAnAccount_WhoSubscribedFromTheGermanPage_GetsTheGermanFrame()
    {
        var email = Unique.Email("leser");
        var visitor = hub.NewClient();
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-AT,de;q=0.9");
        var (subscribed, _) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = email, ["Name"] = "Lea" });
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var subscriber = await db.NewsletterSubscribers.AsNoTracking().SingleAsync(s => s.Email == email);
        Assert.Equal("de", subscriber.Language);

        // An issue goes out later, from a job with no page to go by: the frame is German, the host's words as written.
        var language = await NewsletterSender.LanguageOfAsync(db, subscriber, CancellationToken.None);
        var sender = hub.Services.GetServices<IHostedService>().OfType<NewsletterSender>().Single();
        var issue = new NewsletterIssue
        {
            Id = Guid.NewGuid(),
            Subject = "Spring news",
            Markdown = "The garden is open.",
            Html = "<p>The garden is open.</p>",
            BaseUrl = "https://hub.test.example",
            SentAt = DateTime.UtcNow,
        };
        using (RecipientLanguage.Of(language))
        {
            var message = sender.Compose(issue, subscriber, Guid.NewGuid());
            Assert.Contains("The garden is open.", message.TextBody);
            Assert.Contains("Im Web lesen: https://hub.test.example/newsletter/", message.TextBody);
            Assert.Contains("Abbestellen: https://hub.test.example/newsletter/unsubscribe?token=", message.TextBody);
            Assert.Contains("<html lang=\"de\">", message.HtmlBody);
        }
    }

    [Fact]
    public async Task AHostInvitingInEnglish_ReachesAPortugueseCoHost_InPortuguese_AndHearsTheAnswerInEnglish()
    {
        var hostEmail = Unique.Email("harriet");
        var host = await hub.CreatePersonAsync(hostEmail, Password, name: "Harriet");
        await SetLanguageAsync(host.Id, "en");
        var memberEmail = Unique.Email("beatriz");
        var member = await hub.CreatePersonAsync(memberEmail, Password, name: "Beatriz");
        await SetLanguageAsync(member.Id, "pt-PT");
        var hostClient = await hub.SignedInClientAsync(hostEmail, Password);
        var slug = SlugOf(await CreateAsync(hostClient, Unique.Name("Graça")));
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            await JoinCongregation.AddMemberAsync(db, congregationId, member.Id, DateTime.UtcNow, default);
            await db.SaveChangesAsync();
            var title = Unique.Name("Winter supper");
            var path = await Features.Gatherings.GatheringTestKit.CreateAsync(hostClient,
                Features.Gatherings.GatheringTestKit.Form($"congregation:{congregationId}", title, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))));
            var (invited, _) = await hostClient.SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["Person"] = "Beatriz" }, "Invite");
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

            await hub.DrainOutboxAsync();
            var invitation = await hub.Smtp!.WaitForAsync(memberEmail, $"Harriet convida-te a anfitriar {title} em conjunto");
            Assert.StartsWith("Olá Beatriz,", invitation.TextBody);
            Assert.Contains($"Harriet gostava de anfitriar «{title}» contigo.", invitation.TextBody);
            Assert.Contains("Podes dizer que não, sem teres de explicar porquê.", invitation.TextBody);
            Assert.Contains("Ver o convite", invitation.TextBody);

            // Her answer goes back to the host in his language, whatever language she answered in.
            var memberClient = await hub.SignedInClientAsync(memberEmail, Password);
            var (accepted, _) = await memberClient.SubmitAsync($"{path}/hosts", new Dictionary<string, string> { ["accept"] = "true" }, "Answer");
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            await hub.DrainOutboxAsync();
            var answer = await hub.Smtp!.WaitForAsync(hostEmail, $"Beatriz will co-host: {title}");
            Assert.Contains("Beatriz said yes: you host this event together now.", answer.TextBody);
        }
    }
}
