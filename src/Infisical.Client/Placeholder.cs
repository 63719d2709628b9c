namespace Infisical.Client; internal static class Placeholder {}
