using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web;

/// <summary>Endpoint metadata: the roles allowed (checked by <see cref="ApiAuthMiddleware"/> right after the token).</summary>
internal sealed class RequireRole(params Role[] roles)
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}
