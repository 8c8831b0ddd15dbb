using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Email.Inbound;

namespace Microsolidarity.Hub.Platform.Email;

public static class EmailServices
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .ReadInterval(builder.Configuration, "Email:PollInterval", "Email:PollIntervalMs", TimeSpan.FromMilliseconds(1), (o, interval) => o.PollInterval = interval)
            .ReadInterval(builder.Configuration, "Email:FirstRetryAfter")
            .Bind(builder.Configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _),
                "Email:From is not an address. Use a form such as 'Our Hub <hub@example.org>'.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmailSignal>();
        builder.Services.AddScoped<EmailOutbox>();
        builder.Services.AddSingleton<PickupDirectoryTransport>();
        builder.Services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
                ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
                : sp.GetRequiredService<PickupDirectoryTransport>());
        builder.Services.AddSingleton<EmailTemplates>();
        // Replaced by the inbound mailbox when IMAP is configured (Email:Inbound:Host).
        builder.AddInboundEmail();
        builder.Services.TryAddSingleton<Contracts.IEmailReplyAddresses, Contracts.NoEmailReplies>();
        builder.Services.AddHostedService<EmailSender>();
        return builder;
    }

}
