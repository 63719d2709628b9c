namespace Infisical.Client.Auth;

/// <summary>The login methods other than Universal Auth.</summary>
public sealed partial class AuthClient
{
    private AwsAuthClient? _awsAuth;
    private OidcAuthClient? _oidcAuth;
    private JwtAuthClient? _jwtAuth;
    private KubernetesAuthClient? _kubernetesAuth;
    private LdapAuthClient? _ldapAuth;
    private AzureAuthClient? _azureAuth;
    private GcpAuthClient? _gcpAuth;
    private TokenAuthClient? _tokenAuth;

    // Created on first use: the constructor lives in the part that owns Universal Auth.

    /// <summary>AWS IAM Auth (signed STS GetCallerIdentity).</summary>
    public AwsAuthClient AwsAuth => _awsAuth ??= new AwsAuthClient(Tokens);

    /// <summary>OIDC Auth (a JWT from an OpenID Connect provider).</summary>
    public OidcAuthClient OidcAuth => _oidcAuth ??= new OidcAuthClient(Tokens);

    /// <summary>JWT Auth (a JWT verified with configured keys).</summary>
    public JwtAuthClient JwtAuth => _jwtAuth ??= new JwtAuthClient(Tokens);

    /// <summary>Kubernetes Auth (the pod's service-account token).</summary>
    public KubernetesAuthClient KubernetesAuth => _kubernetesAuth ??= new KubernetesAuthClient(Tokens);

    /// <summary>LDAP Auth (directory user name and password).</summary>
    public LdapAuthClient LdapAuth => _ldapAuth ??= new LdapAuthClient(Tokens);

    /// <summary>Azure Auth (managed-identity token from Azure's metadata service).</summary>
    public AzureAuthClient AzureAuth => _azureAuth ??= new AzureAuthClient(Tokens);

    /// <summary>GCP Auth (identity token from the GCP metadata server).</summary>
    public GcpAuthClient GcpAuth => _gcpAuth ??= new GcpAuthClient(Tokens);

    /// <summary>Token Auth (an access token handed to this process).</summary>
    public TokenAuthClient TokenAuth => _tokenAuth ??= new TokenAuthClient(Connection);
}
