using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

public enum LinkProblem { Invalid, Expired }

/// <summary>
/// Tells an expired link from a broken one, so the page can say which. Identity only answers
/// "invalid"; a second provider with the same keys and a very long lifespan accepts exactly
/// the genuine tokens, so a token it accepts but the real one refused has expired.
/// </summary>
public sealed class LinkTokens(
    UserManager<HubUser> users,
    IDataProtectionProvider protection,
    IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<HubUser>> logger)
{
    public async Task<LinkProblem> DiagnoseAsync(HubUser user, string purpose, string token)
    {
        var lenient = new DataProtectorTokenProvider<HubUser>(protection, Options.Create(new DataProtectionTokenProviderOptions
        {
            Name = options.Value.Name,
            TokenLifespan = TimeSpan.FromDays(3650),
        }), logger);
        return await lenient.ValidateAsync(purpose, token, users, user) ? LinkProblem.Expired : LinkProblem.Invalid;
    }
}
