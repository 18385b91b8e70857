/** The PostgreSQL schema the sandbox owns (and the name of its DataSource). */
export const SANDBOX_SCHEMA = 'razorpay_sandbox';
