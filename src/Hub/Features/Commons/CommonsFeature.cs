using System.Security.Claims;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Commons;

public static class CommonsFeature
{
    public static WebApplicationBuilder AddCommons(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommonsOptions>()
            .ReadInterval(builder.Configuration, "Commons:LapseCheckInterval")
            .Bind(builder.Configuration.GetSection(CommonsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.SurplusShare is >= 0m and <= 1m, "Commons:SurplusShare must be between 0 and 1 (0.10 is 10%).")
            .Validate(o => o.MonthlyMinimum.All(m => Money.IsKnown(m.Key) && m.Value > 0),
                $"Commons:MonthlyMinimum lists currencies ({string.Join(", ", Money.Currencies)}) with amounts above zero, e.g. Commons:MonthlyMinimum:EUR=3.")
            .Validate(o => o.GraceDays >= 0, "Commons:GraceDays cannot be negative.")
            .ValidateOnStart();
        builder.Services.AddScoped<CommonsAccess>();
        builder.Services.AddScoped<SetFundraisingGoal>();
        builder.Services.AddScoped<RecordLedgerEntry>();
        builder.Services.AddScoped<ReverseLedgerEntry>();
        builder.Services.AddScoped<LedgerBalances>();
        builder.Services.AddScoped<ExportLedger>();
        builder.Services.AddScoped<PledgeContribution>();
        builder.Services.AddScoped<EndPledge>();
        builder.Services.AddScoped<RecordPayment>();
        builder.Services.AddScoped<NetworkMembership>();
        builder.Services.AddScoped<NameCommonsRole>();
        builder.Services.AddScoped<ReleaseCommonsRole>();
        builder.Services.AddScoped<ImportOpenCollective>();
        builder.Services.AddScoped<TransparencyReport>();
        builder.Services.AddScoped<ProposeSpending>();
        builder.Services.AddScoped<GiveAdvice>();
        builder.Services.AddScoped<DecideProposal>();
        builder.Services.AddScoped<VetoProposal>();
        builder.Services.AddScoped<PayProposal>();
        builder.Services.AddScoped<ProposalNotices>();
        builder.Services.AddScoped<StripePayments>();
        builder.Services.AddScoped<IPaymentProvider>(services => services.GetRequiredService<StripePayments>());
        builder.Services.AddScoped<IPayments, CommonsPayments>();
        builder.Services.AddScoped<SaveBankAccount>();
        builder.Services.AddScoped<RecordTicketPayment>();
        builder.Services.AddScoped<RecordRefund>();
        builder.Services.AddScoped<RecordStripeSession>();
        builder.Services.AddScoped<ConfirmStripeReturn>();
        builder.Services.AddScoped<HandleStripeWebhook>();
        builder.Services.AddScoped<IEventSettledHandler, BookEventSurplus>();
        builder.Services.AddScoped<IPersonalData, CommonsPersonalData>();
        builder.Services.AddHostedService<MembershipLapseJob>();
        return builder;
    }

    public static WebApplication MapCommons(this WebApplication app)
    {
        // Stripe posts here without a browser session or an anti-forgery token: the signature is the proof.
        app.MapPost("/commons/stripe/webhook", async (HttpRequest request, HandleStripeWebhook webhook, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(cancellationToken);
            return await webhook.RunAsync(json, request.Headers["Stripe-Signature"], cancellationToken) switch
            {
                HandleStripeWebhook.Result.NotConfigured => Results.NotFound(),
                HandleStripeWebhook.Result.BadSignature => Results.BadRequest(),
                _ => Results.Ok(),
            };
        }).DisableAntiforgery();

        // Back from Stripe's payment page: recorded here too (not only by the webhook), so the page the
        // person lands on already shows the payment; the session id is checked with Stripe, not trusted.
        app.MapGet(StripePayments.ReturnPath, async (string? session_id, ConfirmStripeReturn confirm, CancellationToken cancellationToken) =>
            Results.Redirect(await confirm.RunAsync(session_id, cancellationToken)));

        app.MapGet("/commons/ledger.{format:regex(^(csv|json)$)}", async (string format, ClaimsPrincipal user, CommonsAccess access, ExportLedger export, CancellationToken cancellationToken) =>
        {
            var viewer = await access.ViewerAsync(user, cancellationToken);
            if (!viewer.SignedIn)
            {
                return Results.Challenge();
            }
            if (!(viewer.IsTreasurer || viewer.IsAdministrator || viewer.IsHubAdmin))
            {
                return Results.Forbid();
            }
            return format == "csv"
                ? Results.File(await export.CsvAsync(cancellationToken), Platform.Web.SpreadsheetCsv.ContentType, "commons-ledger.csv")
                : Results.File(System.Text.Encoding.UTF8.GetBytes(await export.JsonAsync(cancellationToken)), "application/json", "commons-ledger.json");
        });
        return app;
    }
}
