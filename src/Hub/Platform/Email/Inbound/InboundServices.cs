using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

public static class InboundServices
{
    /// <summary>
    /// With <c>Email:Inbound:Host</c> set, notification emails carry reply addresses and a job reads the mailbox;
    /// without it, only the settings (checked all the same) and the addresses' personal data, and <see cref="NoEmailReplies"/> stays.
    /// </summary>
    public static WebApplicationBuilder AddInboundEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboundOptions>()
            .ReadInterval(builder.Configuration, "Email:Inbound:PollInterval")
            .ReadInterval(builder.Configuration, "Email:Inbound:AddressLifetime")
            .Bind(builder.Configuration.GetSection(InboundOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InboundOptions>, InboundOptionsProblems>();
        // Always: addresses made while a mailbox was configured stay someone's data after it is switched off.
        builder.Services.AddScoped<IPersonalData, ReplyAddressesPersonalData>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Email:Inbound:Host"]))
        {
            return builder;
        }
        builder.Services.AddScoped<IEmailReplyAddresses, ReplyAddresses>();
        builder.Services.AddScoped<CollectReplies>();
        builder.Services.AddHostedService<ReplyCollectorJob>();
        return builder;
    }

    /// <summary>Says each problem of the inbound settings in its own words.</summary>
    private sealed class InboundOptionsProblems : IValidateOptions<InboundOptions>
    {
        public ValidateOptionsResult Validate(string? name, InboundOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
