using PartyMode.Engine.Visibility;

namespace PartyMode.Cli.Web.Pipeline;

/// <summary>Endpoint metadata: the roles allowed (checked by <see cref="TokenAuthMiddleware"/> right after the token).</summary>
internal sealed class RequireRole(params Role[] roles)
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}
