using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Platform.Localization;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>
/// Words the hub stores once (hosts' log lines, ledger descriptions) are a key with what they name, said in each reader's
/// language; rows stored before as English sentences still read as written.
/// </summary>
public sealed class StoredWordsTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "a long enough password";
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer T = HubWords.Localizer;

    private static string In(string language, Func<string> say)
    {
        using (RecipientLanguage.Of(language))
        {
            return say();
        }
    }

    [Fact]
    public void Said_InEachReadersLanguage_WithPeoplesWordsAsWritten()
    {
        var line = StoredWords.Of("Log.Event.CoHostInvited", "Ben");
        Assert.Equal("invited Ben to co-host", In("en", () => StoredWords.Say(T, line)));
        Assert.Equal("hat Ben zum Mithosten eingeladen", In("de", () => StoredWords.Say(T, line)));

        // Counted, nested (a refund of a payment's description) and listed.
        Assert.Equal("gave people from the waitlist 1 hour to pay", In("en", () => StoredWords.Say(T, StoredWords.Counted("Log.Event.WaitlistHours", 1))));
        Assert.Equal("deu às pessoas da lista de espera 48 horas para pagar", In("pt-PT", () => StoredWords.Say(T, StoredWords.Counted("Log.Event.WaitlistHours", 48))));
        var refund = StoredWords.Of("Ledger.Refund", StoredWords.Of("Ledger.TicketByCard", "Autumn \"gathering\""));
        Assert.Equal("Refund of “Ticket for Autumn \"gathering\", paid by card”", In("en", () => StoredWords.Say(T, refund)));
        Assert.Equal("Remboursement de « Billet pour Autumn \"gathering\", payé par carte »", In("fr", () => StoredWords.Say(T, refund)));
        var contacts = StoredWords.Of("Log.Congregation.CareContacts", StoredWords.List(["Ana", "Bo", "Cy"]));
        Assert.Equal("nombró las personas de cuidado: Ana, Bo y Cy", In("es", () => StoredWords.Say(T, contacts)));

        // Written before: shown as written, in every language.
        Assert.Equal("closed the event and reported its budget", In("de", () => StoredWords.Say(T, "closed the event and reported its budget")));
        // The transparency report finds the event's title in both forms.
        Assert.Equal("Autumn", LedgerWords.EventTitleOf(StoredWords.Of(LedgerWords.IncomeBesidesCards, "Autumn")));
        Assert.Equal("Autumn", LedgerWords.EventTitleOf("Income of Autumn, besides tickets paid by card"));
        Assert.Null(LedgerWords.EventTitleOf(StoredWords.Of("Ledger.Costs", "Autumn")));
    }

    [Fact]
    public void Fit_ShortensWhatPeopleWrote_NotTheKey()
    {
        var stored = StoredWords.Of("Log.Congregation.ResponsibilityTakenOver", new string('x', 400), "Ana");
        var fitted = StoredWords.Fit(stored, 300);
        Assert.True(fitted.Length <= 300, $"{fitted.Length} characters");
        var said = In("en", () => StoredWords.Say(T, fitted));
        Assert.StartsWith("took over the responsibility xxx", said);
        Assert.EndsWith("… from Ana", said);
    }

    [Fact]
    public async Task TheHostsLog_ReadsInTheHostsLanguage_AndOldLinesAsWritten()
    {
        var hostEmail = Unique.Email("hanne");
        var host = await shared.Hub.CreatePersonAsync(hostEmail, Password, name: "Hanne");
        var client = await shared.Hub.SignedInClientAsync(hostEmail, Password);
        var slug = SlugOf(await CreateAsync(client, Unique.Name("Gemeinschaft am Fluss")));
        using (var scope = shared.Hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var congregationId = await db.Congregations.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            var at = DateTime.UtcNow.AddMinutes(-5);
            db.CongregationHostActions.AddRange(
                new CongregationHostAction { Id = Guid.NewGuid(), CongregationId = congregationId, ByUserId = host.Id, What = "removed the level Friend", At = at },
                new CongregationHostAction
                {
                    Id = Guid.NewGuid(),
                    CongregationId = congregationId,
                    ByUserId = host.Id,
                    At = at.AddMinutes(1),
                    What = StoredWords.Of("Log.Congregation.ResponsibilityAdded", "Die Kasse"),
                });
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == host.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "de"));
        }
        shared.Hub.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>().Remove($"language:{host.Id}");

        var (_, page) = await client.GetAsync($"/congregations/{slug}/host");
        var log = page.QuerySelector("#host-actions")!.ParentElement!.TextContent;
        Assert.Contains("hat die Aufgabe Die Kasse hinzugefügt", log);
        Assert.Contains("removed the level Friend", log);
        Assert.DoesNotContain(StoredWords.Mark, page.DocumentElement.OuterHtml);
    }
}
