/**
 * The OWASP API Security Top 10 (2023) pack. Most rules apply to an exposed API: a process of an API type (or
 * with exposesApi) that something outside its trust boundary calls (`exposedApi`). See docs/CATALOG.md.
 */
import type { RulePack } from '../types';
import { apiTop10, capec, cwe, doc } from './references';

export const OWASP_API_PACK: RulePack = {
  id: 'owasp-api',
  name: 'OWASP API Security Top 10 (2023)',
  version: '1.0.0',
  description:
    'The ten risks of the OWASP API Security Top 10, 2023 edition, as they show on exchange and trading APIs: object, property and function level authorisation, authentication, resource consumption, business flows, SSRF, misconfiguration, inventory and unsafe consumption of upstream APIs.',
  rules: [
    {
      id: 'OAPI-01',
      title: 'Broken object level authorization on account/order/sub-account IDs',
      description:
        "The API takes object identifiers from the client (order id, account id, sub-account/portfolio id, withdrawal id) in a multi-tenant system without checking ownership, letting one customer read or cancel another customer's orders or balances. Fires unverified while multi-tenancy is unknown (an exchange API serves many accounts unless the analyst says otherwise); setting multiTenant false or objectLevelAuthz true closes it.",
      stride: 'IE',
      severity: 'high',
      appliesTo: ['process'],
      when: 'exposedApi(self) and not (self.multiTenant == false) and off(self.objectLevelAuthz)',
      mitigations: [
        { key: 'tenant-from-credentials', text: 'Derive the tenant/account from the authenticated API key or token, never from request parameters.', controls: [{ property: 'objectLevelAuthz', value: true }] },
        { key: 'ownership-checks', text: 'Check ownership in every handler that loads an object by id (orders, sub-accounts, withdrawals, API keys).', controls: [{ property: 'objectLevelAuthz', value: true }] },
        { key: 'opaque-ids-and-tests', text: 'Use non-sequential identifiers and add authorization tests per endpoint.', controls: [] },
      ],
      references: [apiTop10(1), cwe(639), cwe(285), capec(1), doc('owasp-authz-cs'), doc('coinbase-exchange-auth')],
    },
    {
      id: 'OAPI-02',
      title: 'Exposed API accepts unauthenticated or weakly authenticated calls',
      description:
        'An endpoint reachable across a trust boundary (other than intentionally public market data) accepts requests with no authentication, so anyone can invoke private functions or enumerate accounts. Closed by setting an authentication method on the offending inbound flow, or by marking it publicAccess when it is anonymous by design.',
      stride: 'S',
      severity: 'high',
      appliesTo: ['process'],
      when: "exposedApi(self) and any(inbound(self), f => crosses(f) and initiator(f) == 'src' and none(f.authentication) and off(f.publicAccess) and not onlyPublicData(f))",
      mitigations: [
        { key: 'require-strong-auth', text: 'Require signed requests (HMAC/Ed25519), OAuth2 or mTLS on all private endpoints; keep public data on separate hosts/paths.', controls: [] },
        { key: 'stricter-auth-limits', text: 'Apply stricter brute-force/lockout limits on credential and key-management endpoints than on general traffic.', controls: [] },
        { key: 'no-keys-for-humans', text: 'Do not use API keys for human user authentication (OWASP API2).', controls: [] },
      ],
      references: [apiTop10(2), cwe(306), cwe(307), capec(115), doc('owasp-authn-cs')],
    },
    {
      id: 'OAPI-03',
      title: 'Broken object property level authorization (excessive exposure / mass assignment)',
      description:
        "Responses return internal fields (fee tier internals, other users' data, risk flags) or requests can set properties the caller should not control (leverage caps, fee rates, withdrawal limits, KYC level). Applies whether or not the API is multi-tenant: excessive data exposure and mass assignment (leverage caps, fee rates, withdrawal limits) matter in single-tenant APIs too.",
      stride: 'TIE',
      severity: 'medium',
      appliesTo: ['process'],
      when: 'exposedApi(self) and off(self.propertyLevelAuthz)',
      mitigations: [
        { key: 'explicit-response-schemas', text: 'Return explicit response schemas; never serialise whole ORM objects.', controls: [{ property: 'propertyLevelAuthz', value: true }] },
        { key: 'writable-allow-list', text: 'Allow-list writable properties per role; reject unknown fields.', controls: [{ property: 'propertyLevelAuthz', value: true }] },
      ],
      references: [apiTop10(3), cwe(213), cwe(915), doc('owasp-massassign-cs')],
    },
    {
      id: 'OAPI-04',
      title: 'Unrestricted resource consumption on exposed API',
      description:
        'Without per-key and per-IP rate limits, request weights, payload/page-size caps and timeouts, a client can exhaust matching-engine or gateway capacity, starve other traders, or run up paid third-party costs.',
      stride: 'D',
      severity: 'high',
      appliesTo: ['process'],
      when: 'exposedApi(self) and off(self.rateLimiting)',
      mitigations: [
        { key: 'weighted-rate-limits', text: 'Enforce request-weight based limits per IP and per API key/account (e.g. weight headers, 429 + Retry-After, temporary bans).', controls: [{ property: 'rateLimiting', value: true }] },
        { key: 'size-and-count-caps', text: 'Cap page sizes, batch sizes, open-order counts and WebSocket subscriptions; set execution timeouts.', controls: [] },
      ],
      references: [apiTop10(4), cwe(770), cwe(400), cwe(799), capec(125), capec(488), doc('binance-rest'), doc('bybit-ratelimit'), doc('nist-800-204')],
    },
    {
      id: 'OAPI-05',
      title: 'Broken function level authorization (admin functions callable by ordinary roles)',
      description:
        'Administrative or privileged functions (risk-limit changes, fee overrides, manual balance adjustments, key management) share an API with regular functions and rely on the UI to hide them. An adminConsole counts as having admin functions whatever hasAdminFunctions says.',
      stride: 'E',
      severity: 'high',
      appliesTo: ['process'],
      when: "exposedApi(self) and (on(self.hasAdminFunctions) or is(self, 'adminConsole')) and off(self.functionLevelAuthz)",
      mitigations: [
        { key: 'deny-by-default', text: 'Deny by default; enforce role checks server-side on every admin route; separate admin APIs from customer APIs.', controls: [{ property: 'functionLevelAuthz', value: true }] },
        { key: 'authorization-matrix', text: 'Test each role against each function (authorization matrix).', controls: [] },
      ],
      references: [apiTop10(5), cwe(285), cwe(862), capec(1), capec(58), doc('owasp-authz-cs')],
    },
    {
      id: 'OAPI-06',
      title: 'Sensitive business flow exposed to automation without abuse controls',
      description:
        'Withdrawals, sign-up/KYC, referral/airdrop rewards or new-listing purchase flows can be scripted at scale (account farming, reward draining, sniping listings) because no anti-automation or anomaly detection exists.',
      stride: 'TD',
      severity: 'medium',
      appliesTo: ['process'],
      when: "exposedApi(self) and hasAny(self.businessFlows, ['withdraw', 'signup', 'rewards', 'listingPurchase']) and off(self.anomalyDetection)",
      mitigations: [
        { key: 'anti-automation', text: 'Identify business flows that hurt when automated; add velocity limits, device/behaviour signals and step-up auth.', controls: [] },
        { key: 'anomaly-monitoring', text: 'Monitor per-account and per-device anomalies; hold or review outliers.', controls: [{ property: 'anomalyDetection', value: true }] },
      ],
      references: [apiTop10(6), cwe(799), cwe(837), doc('OAT-013'), doc('OAT-019'), doc('owasp-oat')],
    },
    {
      id: 'OAPI-07',
      title: 'Server-side request forgery via user-supplied URL (webhooks, imports, price sources)',
      description:
        'The service fetches a URL supplied by a user (webhook callback, CSV/portfolio import, custom price source); an attacker points it at cloud metadata or internal services (KMS, admin APIs) to steal credentials.',
      stride: 'IE',
      severity: 'high',
      appliesTo: ['process'],
      when: 'on(self.fetchesUserSuppliedUrl) and off(self.urlAllowlist)',
      mitigations: [
        { key: 'url-allow-list', text: 'Allow-list schemes/hosts/ports; resolve and block private, link-local and metadata ranges; disable redirects.', controls: [{ property: 'urlAllowlist', value: true }] },
        { key: 'isolated-fetchers', text: 'Run fetchers in an isolated egress-restricted network segment without cloud credentials.', controls: [] },
      ],
      references: [apiTop10(7), cwe(918), capec(664), doc('owasp-ssrf-cs')],
    },
    {
      id: 'OAPI-08',
      title: 'Security misconfiguration on exposed API (verbose errors, permissive CORS, debug)',
      description:
        'Stack traces, permissive CORS for credentialed requests or debug endpoints leak internals or enable cross-origin abuse of logged-in trader sessions.',
      stride: 'TI',
      severity: 'medium',
      appliesTo: ['process'],
      when: "exposedApi(self) and (on(self.verboseErrors) or self.cors == 'permissive' or on(self.debugEndpoints))",
      mitigations: [
        { key: 'harden-configuration', text: 'Generic error bodies with error codes; strict CORS allow-list; disable debug/trace in production.', controls: [{ property: 'verboseErrors', value: false }, { property: 'cors', value: 'strict' }, { property: 'debugEndpoints', value: false }] },
        { key: 'config-checks-in-ci', text: 'Harden TLS and HTTP headers; automate configuration checks in CI.', controls: [] },
      ],
      references: [apiTop10(8), cwe(209), cwe(942), cwe(489), cwe(16)],
    },
    {
      id: 'OAPI-09',
      title: 'Improper inventory: deprecated, undocumented or non-production API versions exposed',
      description:
        'Old API versions, beta hosts or test environments with production data remain reachable without the current security fixes (e.g. an old v1 order endpoint without rate limiting).',
      stride: 'I',
      severity: 'medium',
      appliesTo: ['process'],
      when: 'exposedApi(self) and (on(self.deprecatedVersionsExposed) or on(self.undocumentedEndpoints) or on(self.nonProdWithProdData))',
      mitigations: [
        { key: 'inventory-and-retire', text: 'Maintain an inventory of hosts, versions, environments and data flows to third parties; retire old versions.', controls: [{ property: 'deprecatedVersionsExposed', value: false }, { property: 'undocumentedEndpoints', value: false }, { property: 'nonProdWithProdData', value: false }] },
        { key: 'same-protections-everywhere', text: 'Apply the same gateway protections to every exposed version; never use production data outside production.', controls: [] },
      ],
      references: [apiTop10(9), cwe(1059), capec(121)],
    },
    {
      id: 'OAPI-10',
      title: 'Unsafe consumption of third-party API data (exchange, LP, oracle, RPC, quote API)',
      description:
        'Data from an exchange, liquidity provider, oracle, RPC node or aggregator is trusted without schema, range and sanity checks; a compromised or faulty upstream can inject prices, fills or calldata that drive trades. Targets the flow from the third party (one finding per integration) so that its control, inputValidation on that flow, can be set from the finding; a process that asserts inputValidation itself also closes it.',
      stride: 'T',
      severity: 'medium',
      appliesTo: ['flow'],
      when: "thirdParty(source) and is(target, 'process') and off(self.inputValidation) and off(target.inputValidation)",
      mitigations: [
        { key: 'validate-upstream-data', text: 'Validate schema, types and ranges of upstream data; compare prices against reference bands/second source.', controls: [{ property: 'inputValidation', value: true }] },
        { key: 'bound-upstream-calls', text: 'Use timeouts and resource limits on upstream calls; do not follow redirects blindly; keep an inventory of integrations.', controls: [] },
      ],
      references: [apiTop10(10), cwe(20), cwe(345), cwe(1357)],
    },
    {
      id: 'OAPI-11',
      title: 'Backend reachable directly, bypassing the API gateway',
      description:
        'A backend service that sits behind an API gateway is also reachable from the internet, so gateway authentication, rate limiting and validation can be skipped. A topology finding: it closes when the direct internet path is removed from the diagram.',
      stride: 'SE',
      severity: 'high',
      appliesTo: ['process'],
      when: "not is(self, 'apiGateway') and any(inbound(self), f => is(source(f), 'apiGateway')) and any(inbound(self), f => not is(source(f), 'apiGateway') and initiator(f) == 'src' and crosses(f, 'internet'))",
      mitigations: [
        { key: 'private-backends', text: 'Bind backends to private networks only; require mTLS or signed gateway identity on backend calls.', controls: [] },
        { key: 'block-direct-ingress', text: 'Block direct ingress with network policy/security groups and test it.', controls: [] },
      ],
      references: [apiTop10(8), cwe(288), capec(179), doc('nist-800-204')],
    },
    {
      id: 'OAPI-12',
      title: 'Internal service trusts any caller on the network (no service authentication)',
      description:
        'A gateway or upstream service calls a backend without service-to-service authentication; any compromised pod or host in the network can place orders or approve withdrawals directly (OWASP API2 microservice clause). Also covers transfer operations, which move funds like withdrawals.',
      stride: 'SE',
      severity: 'medium',
      appliesTo: ['flow'],
      when: "is(source, 'process') and is(target, 'process') and hasAny(self.operation, ['trade', 'withdraw', 'transfer', 'admin']) and none(self.authentication)",
      mitigations: [
        { key: 'service-identities', text: 'Use mTLS/SPIFFE identities or signed internal tokens between services; authorise per caller.', controls: [{ property: 'authentication', value: 'mtls' }] },
        { key: 'segment-networks', text: 'Segment networks so only the gateway can reach order/withdrawal services.', controls: [] },
      ],
      references: [apiTop10(2), cwe(306), cwe(923), doc('nist-800-204')],
    },
  ],
};
