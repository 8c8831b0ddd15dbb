using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// Who sees which board: a crew's, its joined members alone (the crew page's rule, checked in
/// <see cref="CrewBoardModel"/>); a congregation's and its working groups', the congregation's members.
/// Administrators who are not members see none of them.
/// </summary>
public static class BoardAccess
{
    public static Task<CongregationView?> CongregationAsync(CongregationAccess access, PageModel page, string slug) =>
        access.LoadAsync(slug, page.User, page.HttpContext.RequestAborted);
}
