using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>GET /account/download-data: the signed-in person's data as a JSON file.</summary>
internal static class DownloadPersonalData
{
    public static async Task<IResult> HandleAsync(ClaimsPrincipal principal, UserManager<HubUser> users,
        ExportPersonalData export, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Results.Challenge();
        }
        var json = await export.RunAsync(user, cancellationToken);
        return Results.File(json, "application/json", "my-hub-data.json");
    }
}
