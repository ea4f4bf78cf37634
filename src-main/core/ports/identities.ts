// Who takes part in an impersonation, as every port names them.

export interface AdminIdentity {
  uid: number;
  login: string;
  name: string;
}

export interface TargetIdentity {
  id: number;
  login: string | null;
  name: string | null;
}
